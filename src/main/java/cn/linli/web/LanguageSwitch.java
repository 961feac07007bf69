package cn.linli.web;

/**
 * The link in the top bar that shows the same page in the other language.
 *
 * @param lang the value of the {@code lang} parameter the link sets ({@code en} or {@code zh_CN})
 * @param href the current path and query with {@code lang} replaced
 */
record LanguageSwitch(String lang, String href) {
}
