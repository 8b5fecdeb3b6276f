-- Trino's functions (Athena engine version 3) that DuckDB spells differently, as DuckDB macros in
-- the schema "trino". The translator renames a call to one of these names to trino.<name>; a call
-- to a function neither here nor among those both engines share (TrinoTranslator.SHARED) fails as
-- Athena fails it: FUNCTION_NOT_FOUND. Format strings of date_parse, date_format, parse_datetime and
-- format_datetime are translated to strftime's by the translator before they get here.

-- JSON
CREATE MACRO trino.json_extract_scalar(j, p) AS
    CASE WHEN json_type(CAST(j AS JSON), p) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(CAST(j AS JSON), p) END;
CREATE MACRO trino.json_extract(j, p) AS json_extract(CAST(j AS JSON), p);
CREATE MACRO trino.json_parse(s) AS CAST(s AS JSON);
CREATE MACRO trino.json_format(j) AS CAST(j AS VARCHAR);
CREATE MACRO trino.json_array_length(j) AS json_array_length(CAST(j AS JSON));
CREATE MACRO trino.json_array_get(j, i) AS json_extract(CAST(j AS JSON), '$[' || CAST(i AS VARCHAR) || ']');
CREATE MACRO trino.json_array_contains(j, v) AS list_contains(json_extract_string(CAST(j AS JSON), '$[*]'), CAST(v AS VARCHAR));
CREATE MACRO trino.json_size(j, p) AS
    CASE json_type(CAST(j AS JSON), p) WHEN 'ARRAY' THEN json_array_length(CAST(j AS JSON), p)
        WHEN 'OBJECT' THEN len(json_keys(CAST(j AS JSON), p)) ELSE 0 END;
CREATE MACRO trino.is_json_scalar(j) AS json_type(CAST(j AS JSON)) NOT IN ('OBJECT', 'ARRAY');

-- dates and times
CREATE MACRO trino.from_iso8601_timestamp(s) AS CAST(s AS TIMESTAMPTZ);
CREATE MACRO trino.from_iso8601_date(s) AS CAST(s AS DATE);
CREATE MACRO trino.to_iso8601(t) AS strftime(CAST(t AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%g') || 'Z';
CREATE MACRO trino.date_parse(s, f) AS strptime(s, f);
CREATE MACRO trino.date_format(t, f) AS strftime(t, f);
CREATE MACRO trino.parse_datetime(s, f) AS CAST(strptime(s, f) AS TIMESTAMPTZ);
CREATE MACRO trino.format_datetime(t, f) AS strftime(t, f);
CREATE MACRO trino.from_unixtime(x) AS to_timestamp(CAST(x AS DOUBLE));
CREATE MACRO trino.to_unixtime(t) AS CAST(epoch(t) AS DOUBLE);
CREATE MACRO trino.date(x) AS CAST(x AS DATE);
CREATE MACRO trino.millisecond(t) AS millisecond(t) % 1000;
CREATE MACRO trino.last_day_of_month(d) AS last_day(d);
CREATE MACRO trino.date_add(u, n, t) AS t + CASE lower(u)
        WHEN 'millisecond' THEN to_milliseconds(CAST(n AS BIGINT)) WHEN 'second' THEN to_seconds(CAST(n AS BIGINT))
        WHEN 'minute' THEN to_minutes(CAST(n AS BIGINT)) WHEN 'hour' THEN to_hours(CAST(n AS BIGINT))
        WHEN 'day' THEN to_days(CAST(n AS INTEGER)) WHEN 'week' THEN to_weeks(CAST(n AS INTEGER))
        WHEN 'month' THEN to_months(CAST(n AS INTEGER)) WHEN 'quarter' THEN to_months(CAST(3 * n AS INTEGER))
        WHEN 'year' THEN to_years(CAST(n AS INTEGER)) END;
CREATE MACRO trino.date_diff(u, a, b) AS date_sub(u, a, b);
CREATE MACRO trino.day_of_week(t) AS isodow(t);
CREATE MACRO trino.dow(t) AS isodow(t);
CREATE MACRO trino.day_of_month(t) AS day(t);
CREATE MACRO trino.day_of_year(t) AS dayofyear(t);
CREATE MACRO trino.doy(t) AS dayofyear(t);
CREATE MACRO trino.week_of_year(t) AS week(t);
CREATE MACRO trino.year_of_week(t) AS isoyear(t);
CREATE MACRO trino.yow(t) AS isoyear(t);

-- aggregates
CREATE MACRO trino.approx_distinct(x) AS approx_count_distinct(x);
CREATE MACRO trino.approx_percentile(x, p) AS quantile_disc(x, p);
CREATE MACRO trino.every(x) AS bool_and(x);

-- strings and regular expressions
CREATE MACRO trino.regexp_like(s, p) AS regexp_matches(s, p);
CREATE MACRO trino.regexp_replace(s, p) AS regexp_replace(s, p, '', 'g'), (s, p, r) AS regexp_replace(s, p, r, 'g');
CREATE MACRO trino.regexp_split(s, p) AS string_split_regex(s, p);
CREATE MACRO trino.split(s, d) AS string_split(s, d);
CREATE MACRO trino.levenshtein_distance(a, b) AS levenshtein(a, b);
CREATE MACRO trino.hamming_distance(a, b) AS hamming(a, b);
CREATE MACRO trino.codepoint(s) AS unicode(s);
CREATE MACRO trino.to_utf8(s) AS encode(s);
CREATE MACRO trino.from_utf8(b) AS decode(b);
CREATE MACRO trino.url_extract_host(u) AS nullif(regexp_extract(u, '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]*)', 1), '');
CREATE MACRO trino.url_extract_path(u) AS regexp_extract(u, '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*([^?#]*)', 1);
CREATE MACRO trino.url_extract_parameter(u, name) AS
    nullif(regexp_extract(u, '[?&]' || name || '=([^&#]*)', 1), '');

-- arrays and maps
CREATE MACRO trino.cardinality(x) AS len(x);
CREATE MACRO trino.element_at(x, i) AS x[i];
CREATE MACRO trino.array_join(a, s) AS array_to_string(a, s);
CREATE MACRO trino.contains(a, x) AS list_contains(a, x);
CREATE MACRO trino.array_distinct(a) AS list_distinct(a);
CREATE MACRO trino.array_max(a) AS list_max(a);
CREATE MACRO trino.array_min(a) AS list_min(a);
CREATE MACRO trino.array_sort(a) AS list_sort(a);
CREATE MACRO trino.array_position(a, x) AS coalesce(list_position(a, x), 0);
CREATE MACRO trino.slice(a, s, n) AS list_slice(a, s, s + n - 1);
CREATE MACRO trino.sequence(a, b) AS generate_series(a, b);

-- numbers
CREATE MACRO trino.truncate(x) AS trunc(x);
CREATE MACRO trino.is_nan(x) AS isnan(x);
CREATE MACRO trino.nan() AS CAST('NaN' AS DOUBLE);
CREATE MACRO trino.infinity() AS CAST('Infinity' AS DOUBLE);
CREATE MACRO trino.rand() AS random();
