/**
 * Casework: every request a resident, grid worker or outside system brings goes through one window (一窗受理), is
 * registered as a case with a request type and a category, routed to the unit that owns it, handled, verified and
 * closed, with its time limits watched throughout.
 * <p>
 * Its first part is the category catalogue ({@link cn.linli.casework.Categories}): the digital urban-management
 * components and events (GB/T 30428 / CJ/T 214) and the community service matters, each minor category with its time
 * limits per {@link cn.linli.casework.CaseStage} (normal and urgent), its conditions to register and to close, its
 * publication and confidentiality flags and the kind of unit that usually handles it. Every change keeps the version
 * it replaces, so a case is judged by the limits in force when it was registered.
 * <p>
 * Outside systems follow cases through RabbitMQ when {@code linli.events.amqp.enabled} is set: every transition's
 * events go to an outbox in its own transaction and a relay publishes them ({@link cn.linli.casework.feed.CaseEventMessage},
 * decision 0014).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Casework")
package cn.linli.casework;
