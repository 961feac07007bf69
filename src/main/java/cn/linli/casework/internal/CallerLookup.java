package cn.linli.casework.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.linli.access.CurrentActor;
import cn.linli.casework.CallerCard;
import cn.linli.casework.CallerDirectory;
import cn.linli.shared.PhoneNumber;

/**
 * The front desk's way to the {@link CallerDirectory}, for the acting user. Casework runs without the registry: with
 * no directory in the application every lookup finds nobody and the desk hides its lookup box.
 */
@Component
public class CallerLookup {

    private final ObjectProvider<CallerDirectory> directory;
    private final CurrentActor actors;

    CallerLookup(ObjectProvider<CallerDirectory> directory, CurrentActor actors) {
        this.directory = directory;
        this.actors = actors;
    }

    public boolean available() {
        return directory.getIfAvailable() != null;
    }

    public List<CallerCard> byPhone(PhoneNumber phone) {
        CallerDirectory found = directory.getIfAvailable();
        return found == null ? List.of() : found.findByPhone(actors.current(), phone);
    }

    public List<CallerCard> search(String text) {
        CallerDirectory found = directory.getIfAvailable();
        return found == null || text == null || text.isBlank() ? List.of() : found.search(actors.current(), text.strip());
    }

    public Optional<PhoneNumber> phoneOf(long residentId) {
        CallerDirectory found = directory.getIfAvailable();
        return found == null ? Optional.empty() : found.phoneOf(actors.current(), residentId);
    }
}
