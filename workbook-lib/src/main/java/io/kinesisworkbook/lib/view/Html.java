package io.kinesisworkbook.lib.view;

/** The two bits of HTML handling the views need: escaping text into HTML, and a rough way back to text. */
final class Html {

    private Html() {
    }

    /** Makes text safe inside an element or a quoted attribute: a partition key may well contain {@code <} or {@code &}. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * Readable text from an HTML fragment, for terminals: line breaks where blocks end, tags dropped,
     * the common entities decoded. Not a parser; good enough for the small fragments notebooks show.
     */
    static String toPlainText(String html) {
        String text = html
                .replaceAll("(?i)<br\\s*/?>|</(p|div|tr|li|h[1-6]|caption)>", "\n")
                .replaceAll("(?i)</t[dh]>", "\t")
                .replaceAll("<[^>]*>", "");
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&")
                .strip();
    }
}
