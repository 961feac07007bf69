/**
 * The resident portal (居民门户): public, phone-first pages under {@code /portal} where residents report a problem,
 * follow a similar case nearby instead of filing it again, track their case without an account (its number and the
 * last four digits of their phone), rate the result or say it is not fixed, and answer the follow-up question days
 * after closure. Reports go through casework's intake like the front desk's (channel WEB); notifications go out
 * through the {@link cn.linli.portal.ResidentNotifier} port. Abuse protection: attempts and reports counted in the
 * database per address and phone (so limits hold across instances), a configurable word filter; staff moderation of
 * the public view lives in casework ({@code CaseModeration}), which every public interface reads through.
 * <p>
 * API: {@link cn.linli.portal.ResidentReports} (file, follow, similar cases), {@link cn.linli.portal.ResidentTracking}
 * (track, rate, not fixed, follow-up). See docs/decisions/0009.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Resident portal",
        allowedDependencies = {"shared", "web", "access", "casework", "territory", "open311", "knowledge"})
package cn.linli.portal;
