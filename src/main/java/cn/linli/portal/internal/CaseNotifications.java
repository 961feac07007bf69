package cn.linli.portal.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.linli.access.PersonalDataProtection;
import cn.linli.casework.CaseAction;
import cn.linli.casework.CaseChanged;
import cn.linli.casework.CaseState;
import cn.linli.casework.PublicCases;
import cn.linli.portal.ResidentNotice;
import cn.linli.portal.ResidentNotifier;
import cn.linli.shared.PhoneNumber;

/**
 * Tells a case's reporter and followers about its public changes (the actions of its public timeline) by the channel
 * each chose, and keeps the portal's record of when a case closed (for the follow-up question).
 * <p>
 * Like casework's other listeners it hears the change inside the transition's transaction (no event publication is
 * stored per change, see docs/decisions/0005): the closure is written in that transaction, and the notices are sent
 * after it commits, on a thread of their own, so a slow gateway never holds a case's transaction and a rolled-back
 * change tells nobody anything. A notice lost in a crash is not sent again: the case page shows the same timeline.
 * The sending thread lets changes gather for {@code linli.portal.notice-linger}, takes them together and looks their
 * subscribers up in one query, as most changes (every step of a desk case) have none and a query per change would
 * cost each step a round trip.
 */
@Component
class CaseNotifications {

    private static final Logger log = LoggerFactory.getLogger(CaseNotifications.class);
    static final Locale RESIDENTS = Locale.SIMPLIFIED_CHINESE;

    private final PortalStore store;
    private final PersonalDataProtection protection;
    private final ResidentNotifier notifier;
    private final MessageSource messages;
    /** Changes committed and not yet told; bounded, so a stalled gateway cannot fill the heap. */
    private final BlockingQueue<CaseChanged> pending = new LinkedBlockingQueue<>(100_000);
    private final Thread sender = new Thread(this::sendPending, "portal-notices");
    /** How long the sender lets a burst of changes gather before it looks their subscribers up together. */
    private final Duration linger;

    CaseNotifications(PortalStore store, PersonalDataProtection protection, ResidentNotifier notifier, MessageSource messages,
            @Value("${linli.portal.notice-linger:PT0.1S}") Duration linger) {
        this.store = store;
        this.protection = protection;
        this.notifier = notifier;
        this.messages = messages;
        this.linger = linger;
        sender.setDaemon(true);
        sender.start();
    }

    @EventListener
    void on(CaseChanged changed) {
        if (changed.to() == CaseState.CLOSED && changed.action() == CaseAction.VERIFY_PASS) store.closed(changed.caseId(), changed.at());
        if (changed.action() == CaseAction.REOPEN) store.closed(changed.caseId(), null);
        if (!PublicCases.PUBLIC_ACTIONS.contains(changed.action()) || changed.action() == CaseAction.RECEIVE) return;
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            later(changed);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                later(changed);
            }
        });
    }

    private void later(CaseChanged changed) {
        if (!pending.offer(changed)) log.warn("portal notices queue full; change of case {} not sent", changed.caseId());
    }

    private void sendPending() {
        List<CaseChanged> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(pending.take());
                Thread.sleep(linger.toMillis());
                pending.drainTo(batch, 499);
                tellAll(batch);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("portal notices of {} changes not sent: {}", batch.size(), e.toString());
            }
            batch.clear();
        }
    }

    private void tellAll(List<CaseChanged> changes) {
        Set<Long> cases = changes.stream().map(CaseChanged::caseId).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, List<PortalStore.Subscriber>> subscribers = store.subscribers(cases).stream()
                .collect(Collectors.groupingBy(PortalStore.Subscriber::caseId));
        for (CaseChanged changed : changes) {
            List<PortalStore.Subscriber> told = subscribers.get(changed.caseId());
            if (told != null) send(told, text("portal.line." + changed.action().name()), false);
        }
    }

    /** Sends {@code what} about the case to everyone subscribed to it; {@code reporterOnly} for the follow-up question. */
    void send(long caseId, String what, boolean reporterOnly) {
        send(store.subscribers(caseId), what, reporterOnly);
    }

    private void send(List<PortalStore.Subscriber> subscribers, String what, boolean reporterOnly) {
        for (PortalStore.Subscriber s : subscribers) {
            if (reporterOnly && !s.reporter()) continue;
            try {
                PhoneNumber phone = new PhoneNumber(protection.reveal(PortalReportsPhone.FIELD, s.phone()));
                notifier.send(new ResidentNotice(s.channel(), phone, s.caseNumber(),
                        messages.getMessage("portal.notice", new Object[] {s.caseNumber(), what}, RESIDENTS)));
            } catch (RuntimeException e) {
                log.warn("notice about case {} not sent: {}", s.caseNumber(), e.toString());
            }
        }
    }

    String text(String key) {
        return messages.getMessage(key, null, key, RESIDENTS);
    }

    @PreDestroy
    void stop() {
        sender.interrupt();
    }
}
