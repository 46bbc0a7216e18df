package dev.imsauth.testsupport;

/** HTML escaping and the page frame shared by the provider's pages. */
final class Html {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;background:#f3f5f8;margin:0;color:#1d2433}
            main{max-width:26rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;\
            box-shadow:0 2px 10px rgba(0,0,0,.1)}
            h1{font-size:1.3rem;margin-top:0}label{display:block;margin:.6rem 0}
            input[type=text]{width:100%;padding:.5rem;box-sizing:border-box}
            button{margin-top:1rem;padding:.6rem 1.4rem;background:#0064d2;color:#fff;border:0;border-radius:4px}
            .hint{color:#5b6577;font-size:.85rem}""";

    private Html() {
    }

    /** Escapes text for an HTML element body or a quoted attribute value. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A complete page; {@code bodyHtml} must already be escaped. */
    static String page(String title, String bodyHtml) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>" + STYLE + "</style></head><body><main><h1>" + escape(title) + "</h1>"
                + bodyHtml + "</main></body></html>";
    }

    /** A page with one escaped paragraph. */
    static Reply message(int status, String title, String message) {
        return Reply.html(status, page(title, "<p>" + escape(message) + "</p>"));
    }
}
