package cn.linli.casework.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import cn.linli.access.Actor;
import cn.linli.access.Jurisdiction;
import cn.linli.access.Role;
import cn.linli.casework.CaseChanged;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Organisation;
import cn.linli.territory.TerritoryQueries;

/**
 * Live updates for staff pages (server-sent events): every committed case change goes to the connected users who may
 * see the case (its units against theirs, or its place against their jurisdiction, as {@link CaseActors} decides),
 * as {@code {caseId, number, action, to, unitId}}. The pages then re-fetch their lists through their own
 * scope-checked queries; the event only says when.
 * <p>
 * Sending happens on one thread of its own, so a slow phone never holds up the transaction that committed the change.
 * A comment every 25 s keeps proxies from closing idle connections; an emitter that completes, times out or fails
 * is dropped, and the browser's EventSource reconnects by itself.
 * <p>
 * Several instances: this hub hears the changes committed on its own instance; {@link CaseStreamRelay} reads those of
 * the others from the history when they signal and hands them to {@link #forwardFromElsewhere}.
 */
@Component
public class CaseStream {

    private static final Logger log = LoggerFactory.getLogger(CaseStream.class);
    static final long HEARTBEAT_SECONDS = 25;
    /** A connection is renewed every half hour (the browser reconnects), so none outlives a changed role for long. */
    static final long TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(30);
    private static final Set<Role> TERRITORIAL = Set.of(Role.CITY_ADMIN, Role.DISTRICT_STAFF, Role.STREET_STAFF,
            Role.COMMUNITY_STAFF, Role.GRID_WORKER);

    /** Who listens on a connection, as far as seeing cases goes. */
    record Viewer(String username, Set<Long> units, Jurisdiction jurisdiction, boolean territorial) {
    }

    /** The place and units of a changed case: looked up once per change, checked against every viewer. */
    private record Audience(Long placeUnit, Set<Long> units) {
    }

    private final Map<SseEmitter, Viewer> emitters = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> daemon(r, "case-stream"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "case-stream-heartbeat"));
    private final Organisation organisation;
    private final TerritoryQueries territory;
    private final JdbcClient jdbc;

    CaseStream(Organisation organisation, TerritoryQueries territory, JdbcClient jdbc) {
        this.organisation = organisation;
        this.territory = territory;
        this.jdbc = jdbc;
        heartbeat.scheduleAtFixedRate(() -> sender.execute(this::beat), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** A new connection for the signed-in user. */
    public SseEmitter open(Actor actor) {
        Set<Long> units = organisation.unitsOf(actor.userId()).stream().map(HandlingUnit::id).collect(Collectors.toSet());
        boolean territorial = actor.roles().stream().anyMatch(TERRITORIAL::contains);
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        emitters.put(emitter, new Viewer(actor.username(), Set.copyOf(units), actor.jurisdiction(), territorial));
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        send(emitter, SseEmitter.event().comment("connected").reconnectTime(5000));
        return emitter;
    }

    /** How many connections are open (for tests and metrics). */
    public int connections() {
        return emitters.size();
    }

    /**
     * Hears the change inside its transaction and forwards it after commit. Deliberately not a
     * {@code @TransactionalEventListener}: Spring Modulith would store a publication for it with every change, a
     * write per event for a notice that is worthless after a restart (pages re-read their lists on reconnect).
     */
    @EventListener
    void on(CaseChanged changed) {
        if (emitters.isEmpty()) return;
        // Who may hear it is decided as the case stands at this change, not when the sender gets to it: a later
        // dispatch must not let a unit hear how the case was taken in before it was theirs.
        Audience audience = audience(changed.caseId());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            forward(changed, audience);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                forward(changed, audience);
            }
        });
    }

    /**
     * A change another instance committed, read back from the history a moment later: who may hear it is decided as
     * the case stands now, which differs from {@link #on} only if the case moved on within that moment.
     */
    void forwardFromElsewhere(CaseChanged changed) {
        if (emitters.isEmpty()) return;
        forward(changed, audience(changed.caseId()));
    }

    private void forward(CaseChanged changed, Audience audience) {
        if (emitters.isEmpty()) return;
        try {
            sender.execute(() -> deliver(changed, audience));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("case stream closed; change of case {} not forwarded", changed.caseId());
        }
    }

    private void deliver(CaseChanged changed, Audience audience) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("caseId", changed.caseId());
        data.put("number", changed.number());
        data.put("action", changed.action().name());
        data.put("to", changed.to().name());
        data.put("unitId", changed.unitId());
        emitters.forEach((emitter, viewer) -> {
            if (maySee(viewer, audience)) {
                send(emitter, SseEmitter.event().name("case").id(changed.caseId() + "-" + changed.at().toEpochMilli())
                        .data(data, MediaType.APPLICATION_JSON));
            }
        });
    }

    private Audience audience(long caseId) {
        Long place = jdbc.sql("select coalesce(grid_id, community_id, township_id, county_id) from casework_case where id = :id")
                .param("id", caseId).query(Long.class).optional().orElse(null);
        Set<Long> units = Set.copyOf(jdbc.sql("select unit_id from casework_case_unit where case_id = :id")
                .param("id", caseId).query(Long.class).list());
        return new Audience(place, units);
    }

    /** The rule of {@link CaseActors#maySee}: their unit handled it, or their jurisdiction covers its place. */
    private boolean maySee(Viewer viewer, Audience audience) {
        if (audience.units().stream().anyMatch(viewer.units()::contains)) return true;
        if (!viewer.territorial()) return false;
        if (viewer.jurisdiction().unrestricted()) return true;
        return audience.placeUnit() != null && territory.covers(viewer.jurisdiction(), audience.placeUnit(), null);
    }

    private void beat() {
        emitters.keySet().forEach(emitter -> send(emitter, SseEmitter.event().comment("heartbeat")));
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // The browser went away: forget it; EventSource reconnects if the page is still open.
            emitters.remove(emitter);
            log.debug("case stream connection dropped: {}", e.getMessage());
        }
    }

    /**
     * Ends every connection as soon as the application starts closing: the web server's graceful shutdown waits for
     * open requests, and an event stream never ends by itself. Browsers reconnect to another instance.
     */
    @EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void closing() {
        emitters.keySet().forEach(SseEmitter::complete);
        emitters.clear();
    }

    @jakarta.annotation.PreDestroy
    void close() {
        heartbeat.shutdownNow();
        sender.shutdownNow();
        emitters.keySet().forEach(SseEmitter::complete);
        emitters.clear();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
