package io.kinesisworkbook.emulator.dynamodb;

import static io.kinesisworkbook.emulator.dynamodb.DynamoDbFixtures.BY_CITY;
import static io.kinesisworkbook.emulator.dynamodb.DynamoDbFixtures.EVENTS;
import static io.kinesisworkbook.emulator.dynamodb.DynamoDbFixtures.ITEMS;
import static io.kinesisworkbook.emulator.dynamodb.DynamoDbFixtures.PEOPLE;
import static io.kinesisworkbook.emulator.dynamodb.DynamoDbFixtures.READINGS;
import static io.kinesisworkbook.emulator.dynamodb.DynamoDbFixtures.attempt;
import static io.kinesisworkbook.emulator.dynamodb.DynamoDbFixtures.eventsTable;
import static io.kinesisworkbook.emulator.dynamodb.DynamoDbFixtures.get;
import static io.kinesisworkbook.emulator.dynamodb.DynamoDbFixtures.itemsTable;
import static io.kinesisworkbook.emulator.dynamodb.DynamoDbFixtures.peopleTable;
import static io.kinesisworkbook.emulator.dynamodb.DynamoDbFixtures.put;
import static io.kinesisworkbook.emulator.dynamodb.DynamoDbFixtures.readingsTable;
import static io.kinesisworkbook.emulator.dynamodb.ItemNotation.b;
import static io.kinesisworkbook.emulator.dynamodb.ItemNotation.bool;
import static io.kinesisworkbook.emulator.dynamodb.ItemNotation.bs;
import static io.kinesisworkbook.emulator.dynamodb.ItemNotation.item;
import static io.kinesisworkbook.emulator.dynamodb.ItemNotation.l;
import static io.kinesisworkbook.emulator.dynamodb.ItemNotation.m;
import static io.kinesisworkbook.emulator.dynamodb.ItemNotation.n;
import static io.kinesisworkbook.emulator.dynamodb.ItemNotation.ns;
import static io.kinesisworkbook.emulator.dynamodb.ItemNotation.nul;
import static io.kinesisworkbook.emulator.dynamodb.ItemNotation.s;
import static io.kinesisworkbook.emulator.dynamodb.ItemNotation.ss;
import static io.kinesisworkbook.emulator.dynamodb.ItemNotation.text;

import io.kinesisworkbook.emulator.dynamodb.DynamoDbFixtures.ConditionProbe;
import io.kinesisworkbook.emulator.dynamodb.DynamoDbFixtures.Params;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The scenarios {@link DynaliteDifferentialTest} runs against both sides, by name. Each starts
 * from no tables, makes what it needs, and answers one line of text: the items (in the API's
 * order where it defines one, sorted where it does not) or the error. Most are about the
 * expression languages, where two DynamoDBs are most likely to part ways.
 */
final class DynaliteScenarios {

    /** One scenario, run against one side. */
    interface Scenario {
        String run(DynamoDbClient db);
    }

    private DynaliteScenarios() {
    }

    static Map<String, Scenario> all() {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        conditions(scenarios);
        updates(scenarios);
        projectionsAndNumbers(scenarios);
        queries(scenarios);
        scans(scenarios);
        legacyParameters(scenarios);
        batchesAndTransactions(scenarios);
        expressionErrors(scenarios);
        requestErrors(scenarios);
        return scenarios;
    }

    // ------------------------------------------------------------------ ConditionExpression

    private static void conditions(Map<String, Scenario> s) {
        s.put("condition: comparators", withItemsTable(db -> {
            return new ConditionProbe(db, item("id", s("c"), "n", n(5), "word", s("mango"), "neg", n("-2.5")))
                    .check("n = :v", ":v", n(5))
                    .check("n <> :v", ":v", n(5))
                    .check("n < :v", ":v", n(6))
                    .check("n <= :v", ":v", n(5))
                    .check("n > :v", ":v", n(5))
                    .check("n >= :v", ":v", n(4))
                    .check("neg < :v", ":v", n(0))
                    .check("word < :v", ":v", s("pear"))
                    .check("word > :v", ":v", s("Mango"))
                    .check("n = :v", ":v", s("5"))
                    .check("n < :v", ":v", s("z"))
                    .toString();
        }));
        s.put("condition: BETWEEN and IN", withItemsTable(db -> {
            return new ConditionProbe(db, item("id", s("c"), "n", n(5), "word", s("mango")))
                    .check("n BETWEEN :lo AND :hi", ":lo", n(4), ":hi", n(6))
                    .check("n BETWEEN :lo AND :hi", ":lo", n(5), ":hi", n(5))
                    .check("n BETWEEN :lo AND :hi", ":lo", n(6), ":hi", n(9))
                    .check("word BETWEEN :lo AND :hi", ":lo", s("a"), ":hi", s("n"))
                    .check("n IN (:a, :b)", ":a", n(1), ":b", n(5))
                    .check("n IN (:a)", ":a", n(1))
                    .check("word IN (:a, :b, :c)", ":a", s("apple"), ":b", s("kiwi"), ":c", s("mango"))
                    .check("n BETWEEN :hi AND :lo", ":lo", n(4), ":hi", n(6))
                    .toString();
        }));
        s.put("condition: AND, OR, NOT and precedence", withItemsTable(db -> {
            Object[] values = {":one", n(1), ":five", n(5), ":mango", s("mango"), ":pear", s("pear")};
            return new ConditionProbe(db, item("id", s("c"), "n", n(5), "word", s("mango")))
                    .check("n = :five AND word = :pear AND NOT n = :one AND word <> :mango OR n = :one", values)
                    .check("n = :five OR word = :pear AND n = :one AND word <> :mango", values)
                    .check("NOT n = :five OR word = :mango AND n <> :one AND word <> :pear", values)
                    .check("NOT (n = :five AND word = :pear) AND NOT n = :one AND word = :mango", values)
                    .check("n = :one OR n = :five AND word = :pear OR word = :mango AND n = :five", values)
                    .check("(n = :one OR n = :five) AND word = :pear AND word <> :mango", values)
                    .toString();
        }));
        s.put("condition: attribute_exists and attribute_not_exists", withItemsTable(db -> {
            return new ConditionProbe(db, item("id", s("c"), "n", n(5), "m", m("inside", s("x")), "l", l(n(1))))
                    .check("attribute_exists(n)")
                    .check("attribute_exists(ghost)")
                    .check("attribute_not_exists(ghost)")
                    .check("attribute_not_exists(id)")
                    .check("attribute_exists(m.inside)")
                    .check("attribute_exists(m.outside)")
                    .check("attribute_exists(l[0])")
                    .check("attribute_exists(l[5])")
                    .toString();
        }));
        s.put("condition: attribute_type", withItemsTable(db -> {
            return new ConditionProbe(db, item("id", s("c"), "n", n(5), "bin", b("hi"), "yes", bool(true), "nothing", nul(),
                    "things", l(s("a")), "pairs", m("k", n(1)), "strings", ss("a", "b"), "numbers", ns("1"), "bytes", bs("x")))
                    .check("attribute_type(id, :t)", ":t", s("S"))
                    .check("attribute_type(n, :t)", ":t", s("S"))
                    .check("attribute_type(n, :t)", ":t", s("N"))
                    .check("attribute_type(bin, :t)", ":t", s("B"))
                    .check("attribute_type(yes, :t)", ":t", s("BOOL"))
                    .check("attribute_type(nothing, :t)", ":t", s("NULL"))
                    .check("attribute_type(things, :t)", ":t", s("L"))
                    .check("attribute_type(pairs, :t)", ":t", s("M"))
                    .check("attribute_type(strings, :t)", ":t", s("SS"))
                    .check("attribute_type(numbers, :t)", ":t", s("NS"))
                    .check("attribute_type(bytes, :t)", ":t", s("BS"))
                    .check("attribute_type(ghost, :t)", ":t", s("S"))
                    .check("attribute_type(n, :t)", ":t", s("NUMBER"))
                    .toString();
        }));
        s.put("condition: begins_with and contains", withItemsTable(db -> {
            return new ConditionProbe(db, item("id", s("c"), "word", s("mango"), "n", n(15), "tags", ss("red", "green"),
                    "things", l(s("one"), s("two"), n(3)), "bin", b("hello")))
                    .check("begins_with(word, :p)", ":p", s("ma"))
                    .check("begins_with(word, :p)", ":p", s("go"))
                    .check("begins_with(n, :p)", ":p", s("1"))
                    .check("begins_with(bin, :p)", ":p", b("he"))
                    .check("contains(word, :p)", ":p", s("ng"))
                    .check("contains(tags, :p)", ":p", s("red"))
                    .check("contains(tags, :p)", ":p", s("pink"))
                    .check("contains(things, :p)", ":p", s("two"))
                    .check("contains(things, :p)", ":p", n(3))
                    .check("contains(n, :p)", ":p", n(5))
                    .check("contains(bin, :p)", ":p", b("ell"))
                    .toString();
        }));
        s.put("condition: size", withItemsTable(db -> {
            return new ConditionProbe(db, item("id", s("c"), "word", s("mango"), "n", n(12345), "tags", ss("a", "b", "c"),
                    "things", l(n(1), n(2)), "pairs", m("a", n(1), "b", n(2)), "bin", b("four")))
                    .check("size(word) = :v", ":v", n(5))
                    .check("size(tags) = :v", ":v", n(3))
                    .check("size(things) > :v", ":v", n(1))
                    .check("size(pairs) = :v", ":v", n(2))
                    .check("size(bin) = :v", ":v", n(4))
                    .check("size(n) = :v", ":v", n(5))
                    .check("size(ghost) >= :v", ":v", n(0))
                    .check("size(word) BETWEEN size(things) AND :v", ":v", n(9))
                    .toString();
        }));
        s.put("condition: nested paths and list indexes", withItemsTable(db -> {
            return new ConditionProbe(db, item("id", s("c"),
                    "a", m("b", l(s("x"), m("c", n(7))), "d.e", n(1)),
                    "grid", l(l(n(1), n(2)), l(n(3)))))
                    .check("a.b[0] = :v", ":v", s("x"))
                    .check("a.b[1].c = :v", ":v", n(7))
                    .check("attribute_exists(a.b[2])")
                    .check("grid[1][0] = :v", ":v", n(3))
                    .check("a.#de = :v", "#de", "d.e", ":v", n(1))
                    .check("#a.#b[1].#c > :v", "#a", "a", "#b", "b", "#c", "c", ":v", n(6))
                    .check("a.ghost.deeper = :v", ":v", s("x"))
                    .check("a.b.c = :v", ":v", n(7))
                    .toString();
        }));
        s.put("condition: #names for reserved words and dots", withItemsTable(db -> {
            return new ConditionProbe(db, item("id", s("c"), "status", s("open"), "my.attr", n(1), "name", s("n")))
                    .check("#s = :open", "#s", "status", ":open", s("open"))
                    .check("#dot = :one", "#dot", "my.attr", ":one", n(1))
                    .check("attribute_exists(#n)", "#n", "name")
                    .check("#s IN (:open, :closed) AND #s <> :closed", "#s", "status", ":open", s("open"), ":closed", s("closed"))
                    .check("attribute_exists(my.attr)")
                    .toString();
        }));
        s.put("condition: a failed condition leaves the item unchanged", withItemsTable(db -> {
            put(db, ITEMS, item("id", s("k"), "v", n(1)));
            String failure = attempt(() -> {
                db.putItem(b -> b.tableName(ITEMS).item(item("id", s("k"), "v", n(2)))
                        .conditionExpression("v = :two").expressionAttributeValues(values(":two", n(2))));
                return "written";
            });
            return failure + " then " + get(db, ITEMS, item("id", s("k")));
        }));
        s.put("condition: ReturnValuesOnConditionCheckFailure", withItemsTable(db -> {
            put(db, ITEMS, item("id", s("k"), "v", n(1)));
            return attempt(() -> {
                db.updateItem(b -> b.tableName(ITEMS).key(item("id", s("k"))).updateExpression("SET v = :two")
                        .conditionExpression("v = :two").expressionAttributeValues(values(":two", n(2)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                return "written";
            });
        }));
        s.put("condition: on an item that does not exist", withItemsTable(db -> {
            Map<String, AttributeValue> key = item("id", s("new"));
            List<String> answers = new ArrayList<>();
            answers.add("delete if exists: " + attempt(() -> {
                db.deleteItem(b -> b.tableName(ITEMS).key(key).conditionExpression("attribute_exists(id)"));
                return "deleted";
            }));
            answers.add("update if exists: " + attempt(() -> {
                db.updateItem(b -> b.tableName(ITEMS).key(key).updateExpression("SET v = :v")
                        .conditionExpression("attribute_exists(id)").expressionAttributeValues(values(":v", n(1))));
                return "updated";
            }));
            for (int i = 1; i <= 2; i++) {
                answers.add("put if absent #" + i + ": " + attempt(() -> {
                    db.putItem(b -> b.tableName(ITEMS).item(item("id", s("new"), "v", n(1)))
                            .conditionExpression("attribute_not_exists(id)"));
                    return "written";
                }));
            }
            return String.join("; ", answers);
        }));
    }

    // ------------------------------------------------------------------ UpdateExpression

    private static void updates(Map<String, Scenario> s) {
        s.put("update: SET with + and -", withItemsTable(db -> update(db, item("id", s("u"), "n", n(10), "m", n(3), "d", n("0.1")),
                "SET n = n + :one, m = :ten - m, r = n - m, d = d + :half",
                Params.of(":one", n(1), ":ten", n(10), ":half", n("0.5")), ReturnValue.ALL_NEW)));
        s.put("update: if_not_exists", withItemsTable(db -> update(db, item("id", s("u"), "b", s("kept")),
                "SET a = if_not_exists(a, :zero) + :one, b = if_not_exists(b, :new), c = if_not_exists(c, :new)",
                Params.of(":zero", n(0), ":one", n(1), ":new", s("new")), ReturnValue.ALL_NEW)));
        s.put("update: list_append", withItemsTable(db -> update(db, item("id", s("u"), "l", l(n(1), n(2))),
                "SET l = list_append(l, :tail), p = list_append(:head, l), e = list_append(if_not_exists(e, :empty), :tail)",
                Params.of(":tail", l(n(3)), ":head", l(n(0)), ":empty", l()), ReturnValue.ALL_NEW)));
        s.put("update: nested paths and list indexes", withItemsTable(db -> update(db,
                item("id", s("u"), "a", m("b", l(n(10), n(20), n(30))), "l", l(s("x"))),
                "SET a.b[1] = :v, a.c = :w, l[5] = :y, a.b[0] = a.b[0] + :one",
                Params.of(":v", n(21), ":w", m("deep", bool(true)), ":y", s("y"), ":one", n(1)), ReturnValue.ALL_NEW)));
        s.put("update: REMOVE attributes and list elements", withItemsTable(db -> update(db,
                item("id", s("u"), "x", n(1), "l", l(n(0), n(1), n(2), n(3)), "m", m("k", n(1), "j", n(2))),
                "REMOVE x, l[0], l[2], m.k, ghost", Params.of(), ReturnValue.ALL_NEW)));
        s.put("update: ADD numbers and sets", withItemsTable(db -> update(db,
                item("id", s("u"), "n", n(5), "tags", ss("a", "b"), "nums", ns("1")),
                "ADD n :three, tags :tags, fresh :two, nums :nums, newset :tags",
                Params.of(":three", n(3), ":tags", ss("c", "a"), ":two", n(2), ":nums", ns("2", "1")), ReturnValue.ALL_NEW)));
        s.put("update: DELETE from sets", withItemsTable(db -> update(db,
                item("id", s("u"), "tags", ss("a", "b", "c"), "one", ss("x"), "nums", ns("1", "2")),
                "DELETE tags :gone, one :x, nums :n, ghost :x",
                Params.of(":gone", ss("a", "z"), ":x", ss("x"), ":n", ns("2")), ReturnValue.ALL_NEW)));
        s.put("update: all four clauses in one expression", withItemsTable(db -> update(db,
                item("id", s("u"), "a", n(1), "b", n(2), "c", n(3), "tags", ss("x", "y")),
                "SET a = :nine REMOVE b ADD c :one DELETE tags :x",
                Params.of(":nine", n(9), ":one", n(1), ":x", ss("x")), ReturnValue.ALL_NEW)));
        s.put("update: ReturnValues ALL_OLD and ALL_NEW", withItemsTable(db -> {
            String expression = "SET a.b = :two, x = :nine REMOVE y";
            Params params = Params.of(":two", n(2), ":nine", n(9));
            return "ALL_OLD " + update(db, returnValuesSubject("u1"), expression, params, ReturnValue.ALL_OLD)
                    + " ALL_NEW " + update(db, returnValuesSubject("u2"), expression, params, ReturnValue.ALL_NEW);
        }));
        s.put("update: ReturnValues UPDATED_OLD and UPDATED_NEW", withItemsTable(db -> {
            String expression = "SET a.b = :two, x = :nine, fresh = :nine REMOVE y";
            Params params = Params.of(":two", n(2), ":nine", n(9));
            return "UPDATED_OLD " + update(db, returnValuesSubject("u1"), expression, params, ReturnValue.UPDATED_OLD)
                    + " UPDATED_NEW " + update(db, returnValuesSubject("u2"), expression, params, ReturnValue.UPDATED_NEW);
        }));
        s.put("update: creates a missing item", withItemsTable(db -> {
            String returned = text(db.updateItem(b -> b.tableName(ITEMS).key(item("id", s("new")))
                    .updateExpression("SET v = :one").expressionAttributeValues(values(":one", n(1)))
                    .returnValues(ReturnValue.ALL_OLD)).attributes());
            return "ALL_OLD " + returned + " then " + get(db, ITEMS, item("id", s("new")));
        }));
        s.put("PutItem and DeleteItem return the old item", withItemsTable(db -> {
            Map<String, AttributeValue> key = item("id", s("k"));
            List<String> answers = new ArrayList<>();
            answers.add(text(db.putItem(b -> b.tableName(ITEMS).item(item("id", s("k"), "v", n(1)))
                    .returnValues(ReturnValue.ALL_OLD)).attributes()));
            answers.add(text(db.putItem(b -> b.tableName(ITEMS).item(item("id", s("k"), "v", n(2)))
                    .returnValues(ReturnValue.ALL_OLD)).attributes()));
            answers.add(text(db.deleteItem(b -> b.tableName(ITEMS).key(key).returnValues(ReturnValue.ALL_OLD)).attributes()));
            answers.add(text(db.deleteItem(b -> b.tableName(ITEMS).key(key).returnValues(ReturnValue.ALL_OLD)).attributes()));
            return String.join(" / ", answers);
        }));
    }

    /** A scenario that starts with an empty items table. */
    private static Scenario withItemsTable(Scenario scenario) {
        return db -> {
            itemsTable(db);
            return scenario.run(db);
        };
    }

    private static Map<String, AttributeValue> returnValuesSubject(String id) {
        return item("id", s(id), "a", m("b", n(1), "c", n(2)), "x", n(1), "y", n(5));
    }

    /** Stores {@code stored} in the items table, updates it and answers what the update returned. */
    private static String update(DynamoDbClient db, Map<String, AttributeValue> stored, String expression,
                                 Params params, ReturnValue returnValue) {
        put(db, ITEMS, stored);
        return text(db.updateItem(b -> b.tableName(ITEMS).key(Map.of("id", stored.get("id")))
                .updateExpression(expression)
                .expressionAttributeNames(params.namesOrNull())
                .expressionAttributeValues(params.valuesOrNull())
                .returnValues(returnValue)).attributes());
    }

    // ------------------------------------------------------------------ ProjectionExpression, numbers

    private static void projectionsAndNumbers(Map<String, Scenario> s) {
        s.put("ProjectionExpression on GetItem", withItemsTable(db -> {
            put(db, ITEMS, item("id", s("p"), "a", m("b", l(n(1), m("c", n(2), "z", n(0))), "d", n(3), "e", n(4)),
                    "l", l(n(10), n(20), n(30)), "status", s("open"), "other", s("hidden")));
            return text(db.getItem(b -> b.tableName(ITEMS).key(item("id", s("p")))
                    .projectionExpression("a.b[1].c, l[2], l[0], #s, ghost, a.d")
                    .expressionAttributeNames(names("#s", "status"))).item());
        }));
        s.put("numbers come back in canonical form", withItemsTable(db -> {
            put(db, ITEMS, item("id", s("n"), "a", n("1.50"), "b", n("-0"), "c", n("1E+2"), "d", n("0.000"), "e", n("007"),
                    "f", n("-1.0e-3"), "g", ns("1.0", "2.50")));
            return get(db, ITEMS, item("id", s("n")));
        }));
        s.put("number precision and magnitude", withItemsTable(db -> {
            Map<String, AttributeValue> key = item("id", s("n"));
            put(db, ITEMS, item("id", s("n"), "big", n("9".repeat(38))));
            List<String> answers = new ArrayList<>();
            answers.add("39 digits: " + attempt(() -> {
                put(db, ITEMS, item("id", s("x"), "v", n("1" + "0".repeat(37) + ".5")));
                return "stored";
            }));
            answers.add("1E126: " + attempt(() -> {
                put(db, ITEMS, item("id", s("x"), "v", n("1E126")));
                return "stored";
            }));
            answers.add("big + 1: " + attempt(() -> text(db.updateItem(b -> b.tableName(ITEMS).key(key)
                    .updateExpression("SET big = big + :one").expressionAttributeValues(values(":one", n(1)))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes())));
            return String.join("; ", answers);
        }));
    }

    // ------------------------------------------------------------------ Query

    private static void queries(Map<String, Scenario> s) {
        s.put("Query: sort key =, <, <=, >, >=", db -> {
            seedEvents(db);
            List<String> answers = new ArrayList<>();
            for (String operator : List.of("=", "<", "<=", ">", ">=")) {
                answers.add(operator + " " + sortKeys(db.query(b -> b.tableName(EVENTS)
                        .keyConditionExpression("pk = :p AND sk " + operator + " :sk")
                        .expressionAttributeValues(values(":p", s("p"), ":sk", s("b1")))).items(), "sk"));
            }
            return String.join("; ", answers);
        });
        s.put("Query: BETWEEN and begins_with on the sort key", db -> {
            seedEvents(db);
            String between = sortKeys(db.query(b -> b.tableName(EVENTS)
                    .keyConditionExpression("pk = :p AND sk BETWEEN :lo AND :hi")
                    .expressionAttributeValues(values(":p", s("p"), ":lo", s("a2"), ":hi", s("b2")))).items(), "sk");
            String prefix = sortKeys(db.query(b -> b.tableName(EVENTS)
                    .keyConditionExpression("#pk = :p AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(names("#pk", "pk", "#sk", "sk"))
                    .expressionAttributeValues(values(":p", s("p"), ":prefix", s("b")))).items(), "sk");
            return "between " + between + "; begins_with " + prefix;
        });
        s.put("Query: a number sort key orders numerically, both ways", db -> {
            readingsTable(db);
            for (String at : List.of("10", "9", "100", "-1", "2.5")) {
                put(db, READINGS, item("pk", s("r"), "ts", n(at)));
            }
            String forward = sortKeys(db.query(b -> b.tableName(READINGS).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(values(":p", s("r")))).items(), "ts");
            String backward = sortKeys(db.query(b -> b.tableName(READINGS).keyConditionExpression("pk = :p AND ts > :min")
                    .scanIndexForward(false).expressionAttributeValues(values(":p", s("r"), ":min", n(0)))).items(), "ts");
            return "forward " + forward + "; backward above 0 " + backward;
        });
        s.put("Query: FilterExpression with Count and ScannedCount", db -> {
            seedEvents(db);
            QueryResponse response = db.query(b -> b.tableName(EVENTS).keyConditionExpression("pk = :p")
                    .filterExpression("color = :red OR attribute_not_exists(color)")
                    .expressionAttributeValues(values(":p", s("p"), ":red", s("red"))));
            QueryResponse counted = db.query(b -> b.tableName(EVENTS).keyConditionExpression("pk = :p")
                    .filterExpression("color = :red").select(Select.COUNT)
                    .expressionAttributeValues(values(":p", s("p"), ":red", s("red"))));
            return ItemNotation.texts(response.items()) + " count=" + response.count() + " scanned=" + response.scannedCount()
                    + "; Select COUNT: count=" + counted.count() + " scanned=" + counted.scannedCount()
                    + " items=" + (counted.hasItems() ? counted.items().size() : "absent");
        });
        s.put("Query: Limit and paging with LastEvaluatedKey", db -> {
            seedEvents(db);
            return pages(db, QueryRequest.builder().tableName(EVENTS).keyConditionExpression("pk = :p").limit(2)
                    .filterExpression("color <> :blue").projectionExpression("sk")
                    .expressionAttributeValues(values(":p", s("p"), ":blue", s("blue"))).scanIndexForward(false).build());
        });
        s.put("Query: a global secondary index", db -> {
            seedPeople(db);
            String all = ItemNotation.texts(db.query(b -> b.tableName(PEOPLE).indexName(BY_CITY)
                    .keyConditionExpression("city = :c AND age >= :min")
                    .expressionAttributeValues(values(":c", s("Oslo"), ":min", n(20)))).items());
            QueryResponse first = db.query(b -> b.tableName(PEOPLE).indexName(BY_CITY).limit(1)
                    .keyConditionExpression("city = :c").expressionAttributeValues(values(":c", s("Oslo"))));
            String consistent = attempt(() -> db.query(b -> b.tableName(PEOPLE).indexName(BY_CITY).consistentRead(true)
                    .keyConditionExpression("city = :c").expressionAttributeValues(values(":c", s("Oslo")))).count().toString());
            return all + "; first page LastEvaluatedKey " + text(first.lastEvaluatedKey()) + "; ConsistentRead " + consistent;
        });
        s.put("Query: key condition errors", db -> {
            seedEvents(db);
            List<String> answers = new ArrayList<>();
            answers.add("no partition key: " + queryError(db, "sk = :sk", values(":sk", s("a1"))));
            answers.add("OR: " + queryError(db, "pk = :p OR sk = :sk", values(":p", s("p"), ":sk", s("a1"))));
            answers.add("non-key attribute: " + queryError(db, "pk = :p AND color = :c", values(":p", s("p"), ":c", s("red"))));
            answers.add("begins_with on the partition key: " + queryError(db, "begins_with(pk, :p)", values(":p", s("p"))));
            answers.add("<> on the sort key: " + queryError(db, "pk = :p AND sk <> :sk", values(":p", s("p"), ":sk", s("a1"))));
            answers.add("wrong value type: " + queryError(db, "pk = :p", values(":p", n(1))));
            return String.join("; ", answers);
        });
    }

    /**
     * ExpressionAttributeValues in the order written. The SDK sends a map in its iteration order,
     * and Map.of's order changes from one JVM to the next, which made answers differ between runs.
     */
    private static Map<String, AttributeValue> values(Object... keysAndValues) {
        return item(keysAndValues);
    }

    /** ExpressionAttributeNames in the order written, for the same reason. */
    private static Map<String, String> names(String... keysAndNames) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < keysAndNames.length; i += 2) {
            names.put(keysAndNames[i], keysAndNames[i + 1]);
        }
        return names;
    }

    private static String queryError(DynamoDbClient db, String keyCondition, Map<String, AttributeValue> values) {
        return attempt(() -> "accepted, count=" + db.query(b -> b.tableName(EVENTS).keyConditionExpression(keyCondition)
                .expressionAttributeValues(values)).count());
    }

    /** Partition p: a1, a2, b1 (red), b2 (blue), c1 (no color); partition q: a1. */
    private static void seedEvents(DynamoDbClient db) {
        eventsTable(db);
        put(db, EVENTS, item("pk", s("p"), "sk", s("a1"), "color", s("red")));
        put(db, EVENTS, item("pk", s("p"), "sk", s("a2"), "color", s("green")));
        put(db, EVENTS, item("pk", s("p"), "sk", s("b1"), "color", s("red")));
        put(db, EVENTS, item("pk", s("p"), "sk", s("b2"), "color", s("blue")));
        put(db, EVENTS, item("pk", s("p"), "sk", s("c1")));
        put(db, EVENTS, item("pk", s("q"), "sk", s("a1"), "color", s("red")));
    }

    /** Three people in Oslo (ages 31, 20, 45), one in Lima, one with no city (so not in the index). */
    private static void seedPeople(DynamoDbClient db) {
        peopleTable(db);
        put(db, PEOPLE, item("id", s("ann"), "city", s("Oslo"), "age", n(31)));
        put(db, PEOPLE, item("id", s("bob"), "city", s("Oslo"), "age", n(20)));
        put(db, PEOPLE, item("id", s("cid"), "city", s("Oslo"), "age", n(45)));
        put(db, PEOPLE, item("id", s("dee"), "city", s("Lima"), "age", n(31)));
        put(db, PEOPLE, item("id", s("eve"), "age", n(50)));
    }

    private static String sortKeys(List<Map<String, AttributeValue>> items, String attribute) {
        return items.stream().map(item -> text(item.get(attribute))).toList().toString();
    }

    /** Every page of a query: its items and its LastEvaluatedKey, until there is none (at most 10 pages). */
    private static String pages(DynamoDbClient db, QueryRequest first) {
        List<String> pages = new ArrayList<>();
        QueryRequest request = first;
        for (int page = 0; page < 10; page++) {
            QueryResponse response = db.query(request);
            pages.add(ItemNotation.texts(response.items()) + " next=" + text(response.lastEvaluatedKey()));
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                break;
            }
            request = request.toBuilder().exclusiveStartKey(response.lastEvaluatedKey()).build();
        }
        return String.join(" | ", pages);
    }

    // ------------------------------------------------------------------ Scan

    private static void scans(Map<String, Scenario> s) {
        s.put("Scan: FilterExpression", db -> {
            seedEvents(db);
            ScanResponse response = db.scan(b -> b.tableName(EVENTS)
                    .filterExpression("begins_with(sk, :a) AND (color IN (:red, :green) OR size(color) > :four)")
                    .expressionAttributeValues(values(":a", s("a"), ":red", s("red"), ":green", s("green"), ":four", n(4))));
            return ItemNotation.sortedTexts(response.items()) + " count=" + response.count() + " scanned=" + response.scannedCount();
        });
        s.put("Scan: parallel segments cover the table once", withItemsTable(db -> {
            for (int i = 0; i < 20; i++) {
                put(db, ITEMS, item("id", s("item-" + i), "n", n(i)));
            }
            List<String> seen = new ArrayList<>();
            for (int segment = 0; segment < 3; segment++) {
                int current = segment;
                db.scan(b -> b.tableName(ITEMS).segment(current).totalSegments(3).filterExpression("n >= :five")
                        .expressionAttributeValues(values(":five", n(5)))).items()
                        .forEach(item -> seen.add(item.get("id").s()));
            }
            Set<String> distinct = new HashSet<>(seen);
            String badSegment = attempt(() -> "accepted " + db.scan(b -> b.tableName(ITEMS).segment(3).totalSegments(3)).count());
            return "found " + seen.size() + ", distinct " + distinct.size() + "; segment 3 of 3: " + badSegment;
        }));
        s.put("Scan: Limit and paging", withItemsTable(db -> {
            for (int i = 0; i < 5; i++) {
                put(db, ITEMS, item("id", s("item-" + i)));
            }
            List<Integer> sizes = new ArrayList<>();
            List<Map<String, AttributeValue>> all = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            for (int page = 0; page < 10; page++) {
                Map<String, AttributeValue> from = start;
                ScanResponse response = db.scan(b -> b.tableName(ITEMS).limit(2).exclusiveStartKey(from));
                sizes.add(response.count());
                all.addAll(response.items());
                if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                    break;
                }
                start = response.lastEvaluatedKey();
            }
            return "page sizes " + sizes + " " + ItemNotation.sortedTexts(all);
        }));
    }

    // ------------------------------------------------------------------ legacy parameters

    private static void legacyParameters(Map<String, Scenario> s) {
        s.put("legacy: Expected", withItemsTable(db -> {
            Map<String, AttributeValue> stored = item("id", s("e"), "v", n(1), "word", s("mango"));
            put(db, ITEMS, stored);
            List<String> answers = new ArrayList<>();
            answers.add("v is 1: " + expected(db, stored, expectations("v", equalTo(n(1))), null));
            answers.add("v > 5: " + expected(db, stored, expectations("v", greaterThan(n(5))), null));
            answers.add("ghost does not exist: " + expected(db, stored,
                    expectations("ghost", ExpectedAttributeValue.builder().exists(false).build()), null));
            answers.add("v is 1 AND word begins with ma: " + expected(db, stored,
                    expectations("v", equalTo(n(1)), "word", beginsWith(s("ma"))), ConditionalOperator.AND));
            answers.add("Exists true without a value: " + expected(db, stored,
                    expectations("v", ExpectedAttributeValue.builder().exists(true).build()), null));
            return String.join("; ", answers);
        }));
        s.put("legacy: ConditionalOperator OR", withItemsTable(db -> {
            Map<String, AttributeValue> stored = item("id", s("e"), "v", n(1), "word", s("mango"));
            put(db, ITEMS, stored);
            // The same two conditions, one false and one true, in both orders: OR must hold either way.
            return "false OR true: " + expected(db, stored,
                    expectations("v", greaterThan(n(5)), "word", beginsWith(s("ma"))), ConditionalOperator.OR)
                    + "; true OR false: " + expected(db, stored,
                    expectations("word", beginsWith(s("ma")), "v", greaterThan(n(5))), ConditionalOperator.OR);
        }));
        s.put("legacy: AttributeUpdates", withItemsTable(db -> {
            put(db, ITEMS, item("id", s("a"), "n", n(5), "tags", ss("a", "b"), "gone", s("x"), "kept", s("k")));
            Map<String, AttributeValueUpdate> updates = new LinkedHashMap<>();
            updates.put("n", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n(2)).build());
            updates.put("tags", AttributeValueUpdate.builder().action(AttributeAction.DELETE).value(ss("a")).build());
            updates.put("gone", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build());
            updates.put("fresh", AttributeValueUpdate.builder().action(AttributeAction.PUT).value(l(s("x"))).build());
            updates.put("more", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(ss("z")).build());
            return text(db.updateItem(b -> b.tableName(ITEMS).key(item("id", s("a"))).attributeUpdates(updates)
                    .returnValues(ReturnValue.ALL_NEW)).attributes());
        }));
        s.put("legacy: KeyConditions and QueryFilter", db -> {
            seedEvents(db);
            Map<String, Condition> keyConditions = new LinkedHashMap<>();
            keyConditions.put("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("p")).build());
            keyConditions.put("sk", Condition.builder().comparisonOperator(ComparisonOperator.BETWEEN)
                    .attributeValueList(s("a2"), s("c9")).build());
            Map<String, Condition> filter = Map.of(
                    "color", Condition.builder().comparisonOperator(ComparisonOperator.NOT_NULL).build());
            QueryResponse response = db.query(b -> b.tableName(EVENTS).keyConditions(keyConditions).queryFilter(filter)
                    .attributesToGet("sk", "color"));
            return ItemNotation.texts(response.items()) + " count=" + response.count() + " scanned=" + response.scannedCount();
        });
        s.put("legacy: mixed with expressions", withItemsTable(db -> {
            return attempt(() -> {
                db.putItem(b -> b.tableName(ITEMS).item(item("id", s("m")))
                        .expected(Map.of("v", ExpectedAttributeValue.builder().exists(false).build()))
                        .conditionExpression("attribute_not_exists(id)"));
                return "accepted";
            });
        }));
    }

    /** Legacy Expected conditions, in the order given (the SDK sends them in this order). */
    private static Map<String, ExpectedAttributeValue> expectations(Object... namesAndConditions) {
        Map<String, ExpectedAttributeValue> expected = new LinkedHashMap<>();
        for (int i = 0; i < namesAndConditions.length; i += 2) {
            expected.put((String) namesAndConditions[i], (ExpectedAttributeValue) namesAndConditions[i + 1]);
        }
        return expected;
    }

    private static ExpectedAttributeValue equalTo(AttributeValue value) {
        return ExpectedAttributeValue.builder().value(value).build();
    }

    private static ExpectedAttributeValue greaterThan(AttributeValue value) {
        return ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.GT).attributeValueList(value).build();
    }

    private static ExpectedAttributeValue beginsWith(AttributeValue value) {
        return ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.BEGINS_WITH).attributeValueList(value).build();
    }

    private static String expected(DynamoDbClient db, Map<String, AttributeValue> stored,
                                   Map<String, ExpectedAttributeValue> expected, ConditionalOperator operator) {
        return attempt(() -> {
            db.putItem(b -> b.tableName(ITEMS).item(stored).expected(expected).conditionalOperator(operator));
            return "true";
        });
    }

    // ------------------------------------------------------------------ batches and transactions

    private static void batchesAndTransactions(Map<String, Scenario> s) {
        s.put("BatchWriteItem then BatchGetItem", withItemsTable(db -> {
            put(db, ITEMS, item("id", s("old"), "v", n(0)));
            var written = db.batchWriteItem(b -> b.requestItems(Map.of(ITEMS, List.of(
                    putRequest(item("id", s("a"), "v", n(1), "extra", s("x"))),
                    putRequest(item("id", s("b"), "v", n(2))),
                    putRequest(item("id", s("c"), "v", n(3))),
                    WriteRequest.builder().deleteRequest(d -> d.key(item("id", s("old")))).build()))));
            var read = db.batchGetItem(b -> b.requestItems(Map.of(ITEMS, KeysAndAttributes.builder()
                    .keys(item("id", s("a")), item("id", s("c")), item("id", s("old")), item("id", s("none")))
                    .projectionExpression("id, #v").expressionAttributeNames(names("#v", "v")).build())));
            return "unprocessed writes " + written.unprocessedItems().size() + "; read "
                    + ItemNotation.sortedTexts(read.responses().get(ITEMS)) + "; unprocessed keys " + read.unprocessedKeys().size();
        }));
        s.put("BatchWriteItem: the same key twice", withItemsTable(db -> {
            return attempt(() -> {
                db.batchWriteItem(b -> b.requestItems(Map.of(ITEMS, List.of(
                        putRequest(item("id", s("a"), "v", n(1))),
                        WriteRequest.builder().deleteRequest(d -> d.key(item("id", s("a")))).build()))));
                return "accepted";
            });
        }));
        s.put("BatchWriteItem: a put without its key", withItemsTable(db -> {
            return attempt(() -> {
                db.batchWriteItem(b -> b.requestItems(Map.of(ITEMS, List.of(putRequest(item("v", n(1)))))));
                return "accepted";
            });
        }));
        s.put("BatchWriteItem: 26 requests", withItemsTable(db -> {
            List<WriteRequest> requests = new ArrayList<>();
            for (int i = 0; i < 26; i++) {
                requests.add(putRequest(item("id", s("item-" + i))));
            }
            String answer = attempt(() -> {
                db.batchWriteItem(b -> b.requestItems(Map.of(ITEMS, requests)));
                return "accepted";
            });
            // The message echoes the request items as the server renders them (AWS: its Java objects),
            // which no other implementation can reproduce; the constraint after it is what matters.
            return answer.replaceFirst("Value '.*' at 'requestItems'", "Value '<request items>' at 'requestItems'");
        }));
        s.put("BatchGetItem: the same key twice", withItemsTable(db -> {
            return attempt(() -> {
                db.batchGetItem(b -> b.requestItems(Map.of(ITEMS, KeysAndAttributes.builder()
                        .keys(item("id", s("a")), item("id", s("a"))).build())));
                return "accepted";
            });
        }));
        s.put("TransactWriteItems: a failing condition cancels every action", withItemsTable(db -> {
            put(db, ITEMS, item("id", s("x"), "v", n(1)));
            put(db, ITEMS, item("id", s("y"), "v", n(1)));
            String answer = attempt(() -> {
                db.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder().put(p -> p.tableName(ITEMS).item(item("id", s("a"), "v", n(1)))).build(),
                        TransactWriteItem.builder().update(u -> u.tableName(ITEMS).key(item("id", s("x")))
                                .updateExpression("SET v = :two").conditionExpression("v = :two")
                                .expressionAttributeValues(values(":two", n(2)))
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                        TransactWriteItem.builder().delete(d -> d.tableName(ITEMS).key(item("id", s("y")))).build()));
                return "committed";
            });
            return answer + " then a=" + get(db, ITEMS, item("id", s("a"))) + " y=" + get(db, ITEMS, item("id", s("y")));
        }));
        s.put("TransactWriteItems: success", withItemsTable(db -> {
            put(db, ITEMS, item("id", s("x"), "v", n(1)));
            String answer = attempt(() -> {
                db.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder().put(p -> p.tableName(ITEMS).item(item("id", s("a"), "v", n(1)))
                                .conditionExpression("attribute_not_exists(id)")).build(),
                        TransactWriteItem.builder().update(u -> u.tableName(ITEMS).key(item("id", s("x")))
                                .updateExpression("ADD v :one").expressionAttributeValues(values(":one", n(1)))).build()));
                return "committed";
            });
            return answer + " then a=" + get(db, ITEMS, item("id", s("a"))) + " x=" + get(db, ITEMS, item("id", s("x")));
        }));
    }

    private static WriteRequest putRequest(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    // ------------------------------------------------------------------ bad expressions

    private static void expressionErrors(Map<String, Scenario> s) {
        s.put("error: syntax error in a ConditionExpression", withItemsTable(db -> {
            List<String> answers = new ArrayList<>();
            answers.add("v = = :v: " + condition(db, "v = = :v", Params.of(":v", n(1))));
            answers.add("a bare operand: " + condition(db, "v", Params.of()));
            return String.join("; ", answers);
        }));
        s.put("error: syntax error in an UpdateExpression", withItemsTable(db -> updateError(db, "SET v = :v,",
                Params.of(":v", n(1)))));
        s.put("error: an empty expression", withItemsTable(db -> updateError(db, "", Params.of())));
        s.put("error: redundant parentheses", withItemsTable(db -> condition(db, "((v = :v))", Params.of(":v", n(1)))));
        s.put("error: an unknown function", withItemsTable(db -> condition(db, "starts_with(v, :v)", Params.of(":v", s("x")))));
        s.put("error: unused ExpressionAttributeNames", withItemsTable(db -> updateError(db, "SET v = :v",
                Params.of("#unused", "other", ":v", n(1)))));
        s.put("error: unused ExpressionAttributeValues", withItemsTable(db -> updateError(db, "SET v = :v",
                Params.of(":v", n(1), ":unused", n(2)))));
        s.put("error: an undefined :value", withItemsTable(db -> updateError(db, "SET v = :missing", Params.of(":v", n(1)))));
        s.put("error: an undefined #name", withItemsTable(db -> condition(db, "#missing = :v", Params.of(":v", n(1)))));
        s.put("error: a reserved word as an attribute name", withItemsTable(db -> updateError(db, "SET status = :v",
                Params.of(":v", n(1)))));
        s.put("error: update of a key attribute", withItemsTable(db -> updateError(db, "SET id = :v", Params.of(":v", s("other")))));
        s.put("error: overlapping paths", withItemsTable(db -> {
            List<String> answers = new ArrayList<>();
            answers.add("SET a REMOVE a.b: " + updateError(db, "SET a = :v REMOVE a.b", Params.of(":v", n(1))));
            answers.add("SET a, a: " + updateError(db, "SET a = :v, a = :w", Params.of(":v", n(1), ":w", n(2))));
            return String.join("; ", answers);
        }));
        s.put("error: conflicting paths", withItemsTable(db -> updateError(db, "SET a.b = :v, a[0] = :w",
                Params.of(":v", n(1), ":w", n(2)))));
        s.put("error: functions where they are not allowed", withItemsTable(db -> {
            List<String> answers = new ArrayList<>();
            answers.add("if_not_exists in a condition: " + condition(db, "if_not_exists(v, :v) = :v", Params.of(":v", n(1))));
            answers.add("size in SET: " + updateError(db, "SET v = size(word)", Params.of()));
            answers.add("size as a condition: " + condition(db, "size(word)", Params.of()));
            return String.join("; ", answers);
        }));
        s.put("error: operands of the wrong type in an update", withItemsTable(db -> {
            List<String> answers = new ArrayList<>();
            answers.add("string + number: " + updateError(db, "SET word = word + :one", Params.of(":one", n(1))));
            answers.add("ADD to a list: " + updateError(db, "ADD l :one", Params.of(":one", l(n(1)))));
            answers.add("DELETE a number: " + updateError(db, "DELETE v :one", Params.of(":one", n(1))));
            answers.add("list_append of a string: " + updateError(db, "SET l = list_append(l, :x)", Params.of(":x", s("x"))));
            return String.join("; ", answers);
        }));
        s.put("error: a document path that cannot be updated", withItemsTable(db -> {
            List<String> answers = new ArrayList<>();
            answers.add("inside a missing map: " + updateError(db, "SET ghost.b = :v", Params.of(":v", n(1))));
            answers.add("index into a map: " + updateError(db, "SET m[0] = :v", Params.of(":v", n(1))));
            return String.join("; ", answers);
        }));
    }

    /** The item every bad-expression scenario is run against. */
    private static Map<String, AttributeValue> errorSubject() {
        return item("id", s("e"), "v", n(1), "word", s("w"), "l", l(n(1)), "m", m("k", n(1)));
    }

    private static String condition(DynamoDbClient db, String condition, Params params) {
        put(db, ITEMS, errorSubject());
        return attempt(() -> {
            db.putItem(b -> b.tableName(ITEMS).item(errorSubject()).conditionExpression(condition)
                    .expressionAttributeNames(params.namesOrNull()).expressionAttributeValues(params.valuesOrNull()));
            return "accepted";
        });
    }

    private static String updateError(DynamoDbClient db, String expression, Params params) {
        return attempt(() -> update(db, errorSubject(), expression, params, ReturnValue.ALL_NEW));
    }

    // ------------------------------------------------------------------ bad keys and items

    private static void requestErrors(Map<String, Scenario> s) {
        s.put("error: wrong key type", withItemsTable(db -> getError(db, ITEMS, item("id", n(1)))));
        s.put("error: missing key attribute", db -> {
            eventsTable(db);
            return getError(db, EVENTS, item("pk", s("p")));
        });
        s.put("error: a key with an extra attribute", withItemsTable(db -> getError(db, ITEMS, item("id", s("a"), "other", s("b")))));
        s.put("error: an empty string in a key", withItemsTable(db -> putError(db, item("id", s("")))));
        s.put("error: an empty set", withItemsTable(db -> putError(db, item("id", s("a"), "tags", ss()))));
        s.put("error: an item over 400 KB", withItemsTable(db -> putError(db,
                item("id", s("big"), "data", s("x".repeat(400 * 1024))))));
        s.put("error: a table that does not exist", db -> getError(db, "no-such-table", item("id", s("a"))));
        s.put("error: values without an expression", withItemsTable(db -> attempt(() -> {
            db.putItem(b -> b.tableName(ITEMS).item(item("id", s("a"))).expressionAttributeValues(values(":v", n(1))));
            return "accepted";
        })));
    }

    private static String getError(DynamoDbClient db, String table, Map<String, AttributeValue> key) {
        return attempt(() -> get(db, table, key));
    }

    private static String putError(DynamoDbClient db, Map<String, AttributeValue> item) {
        return attempt(() -> {
            put(db, ITEMS, item);
            return "stored";
        });
    }
}
