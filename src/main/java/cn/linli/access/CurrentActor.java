package cn.linli.access;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

@Component
public class CurrentActor {

    public Actor current() {
        return new Actor(0, "system", "system", Set.of(Role.CITY_ADMIN), Jurisdiction.wholeCity());
    }

    public Optional<Actor> find() {
        return Optional.of(current());
    }
}
