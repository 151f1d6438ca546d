/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.help;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the project's Markdown documents (docs/*.md, copied into the bundle at build time) into HTML for the Help
 * menu. Covers what the documents use: ATX headings, paragraphs, bullet and numbered lists (with continuation
 * lines), fenced and indented code, block quotes, pipe tables, inline code, bold, italics and links. Everything
 * else shows as text (escaped), so the help never shows less than the Markdown itself.
 */
public final class MarkdownHtml {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)[-*+]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^(\\s*)\\d+[.)]\\s+(.*)$");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");

    private MarkdownHtml() {
    }

    /** A whole HTML page titled {@code title} with the converted {@code markdown} as its body. */
    public static String page(String title, String markdown) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title><style>"
                + "body{font-family:sans-serif;font-size:10pt;margin:1em 2em;line-height:1.4}"
                + "code,pre{font-family:monospace;background:#f2f2f2}pre{padding:.5em;overflow-x:auto}"
                + "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:2px 6px}th{background:#eee}"
                + "h1{font-size:16pt}h2{font-size:13pt;border-bottom:1px solid #ccc}h3{font-size:11pt}"
                + "</style></head><body>\n" + body(markdown) + "</body></html>\n";
    }

    /** The HTML of the document's body. */
    public static String body(String markdown) {
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        StringBuilder out = new StringBuilder();
        List<String> paragraph = new ArrayList<>();
        String list = null; // "ul" or "ol" while in a list
        boolean item = false;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.startsWith("```")) {
                flush(out, paragraph);
                list = closeList(out, list, item);
                item = false;
                StringBuilder code = new StringBuilder();
                i++;
                while (i < lines.length && !lines[i].startsWith("```")) {
                    code.append(escape(lines[i])).append('\n');
                    i++;
                }
                out.append("<pre><code>").append(code).append("</code></pre>\n");
                i++;
                continue;
            }
            if (line.isBlank()) {
                flush(out, paragraph);
                // a blank line inside a list ends it unless the list goes on after it
                if (list != null && !(i + 1 < lines.length && (BULLET.matcher(lines[i + 1]).matches()
                        || NUMBERED.matcher(lines[i + 1]).matches() || lines[i + 1].startsWith("  ")))) {
                    list = closeList(out, list, item);
                    item = false;
                }
                i++;
                continue;
            }
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                flush(out, paragraph);
                list = closeList(out, list, item);
                item = false;
                int level = h.group(1).length();
                String text = h.group(2).replaceAll("\\s*#+\\s*$", "");
                out.append("<h").append(level).append(" id=\"").append(anchor(text)).append("\">").append(inline(text))
                        .append("</h").append(level).append(">\n");
                i++;
                continue;
            }
            if (line.startsWith("|") && i + 1 < lines.length && TABLE_RULE.matcher(lines[i + 1]).matches()) {
                flush(out, paragraph);
                list = closeList(out, list, item);
                item = false;
                out.append("<table>\n<tr>");
                for (String cell : cells(line)) {
                    out.append("<th>").append(inline(cell)).append("</th>");
                }
                out.append("</tr>\n");
                i += 2;
                while (i < lines.length && lines[i].startsWith("|")) {
                    out.append("<tr>");
                    for (String cell : cells(lines[i])) {
                        out.append("<td>").append(inline(cell)).append("</td>");
                    }
                    out.append("</tr>\n");
                    i++;
                }
                out.append("</table>\n");
                continue;
            }
            Matcher b = BULLET.matcher(line), n = NUMBERED.matcher(line);
            boolean bullet = b.matches(), numbered = !bullet && n.matches();
            if ((bullet || numbered) && (list != null || paragraph.isEmpty())) {
                flush(out, paragraph);
                String kind = bullet ? "ul" : "ol";
                if (!kind.equals(list)) {
                    list = closeList(out, list, item);
                    out.append('<').append(kind).append(">\n");
                    list = kind;
                } else if (item) {
                    out.append("</li>\n");
                }
                out.append("<li>").append(inline((bullet ? b : n).group(2)));
                item = true;
                i++;
                continue;
            }
            if (list != null && item && line.startsWith(" ")) { // continuation of a list item
                out.append(' ').append(inline(line.strip()));
                i++;
                continue;
            }
            if (line.startsWith("    ") && paragraph.isEmpty() && list == null) {
                StringBuilder code = new StringBuilder();
                while (i < lines.length && (lines[i].startsWith("    ") || lines[i].isBlank())) {
                    code.append(escape(lines[i].length() >= 4 ? lines[i].substring(4) : "")).append('\n');
                    i++;
                }
                out.append("<pre><code>").append(code.toString().stripTrailing()).append("</code></pre>\n");
                continue;
            }
            if (line.startsWith(">")) {
                flush(out, paragraph);
                list = closeList(out, list, item);
                item = false;
                out.append("<blockquote>").append(inline(line.replaceFirst("^>\\s?", ""))).append("</blockquote>\n");
                i++;
                continue;
            }
            list = closeList(out, list, item);
            item = false;
            paragraph.add(line.strip());
            i++;
        }
        flush(out, paragraph);
        closeList(out, list, item);
        return out.toString();
    }

    private static String closeList(StringBuilder out, String list, boolean item) {
        if (list != null) {
            if (item) {
                out.append("</li>\n");
            }
            out.append("</").append(list).append(">\n");
        }
        return null;
    }

    private static void flush(StringBuilder out, List<String> paragraph) {
        if (!paragraph.isEmpty()) {
            out.append("<p>").append(inline(String.join(" ", paragraph))).append("</p>\n");
            paragraph.clear();
        }
    }

    private static List<String> cells(String row) {
        String r = row.strip();
        if (r.startsWith("|")) {
            r = r.substring(1);
        }
        if (r.endsWith("|")) {
            r = r.substring(0, r.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String c : r.split("\\|", -1)) {
            cells.add(c.strip());
        }
        return cells;
    }

    /** Inline code, bold, italics and links; the rest escaped. */
    static String inline(String text) {
        StringBuilder out = new StringBuilder();
        String[] parts = text.split("`", -1);
        for (int p = 0; p < parts.length; p++) {
            boolean code = p % 2 == 1 && p < parts.length - 1;
            if (code) {
                out.append("<code>").append(escape(parts[p])).append("</code>");
            } else {
                String s = escape(p % 2 == 1 ? "`" + parts[p] : parts[p]);
                s = s.replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>");
                s = s.replaceAll("(?<![\\w*])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![\\w*])", "<i>$1</i>");
                s = s.replaceAll("(?<!\\w)_(?!\\s)(.+?)(?<!\\s)_(?!\\w)", "<i>$1</i>");
                s = s.replaceAll("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)", "<a href=\"$2\">$1</a>");
                out.append(s);
            }
        }
        return out.toString();
    }

    /** An id for a heading ("Image Viewer" → "image-viewer"). */
    static String anchor(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
