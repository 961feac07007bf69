/**
 * Web frame: the page layout every module's pages share ({@code templates/fragments/layout.html}: {@code head(title)},
 * {@code nav}, {@code footer}), the language choice (cookie, Simplified Chinese by default, {@code ?lang=en} or
 * {@code ?lang=zh_CN}), and the JSON error format of {@code /api/**} ({@link cn.linli.web.ApiError}).
 * <p>
 * Infrastructure that every module may use and that depends on no module: modules depend on it, never the other
 * way round. The navigation bar shows the signed-in user from the model attribute {@code currentActor}, which the
 * access module supplies for every page, so no Java dependency on access is needed here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web frame")
package cn.linli.web;
