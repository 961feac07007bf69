package cn.linli.access.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.linli.access.Actor;
import cn.linli.access.CurrentActor;

/**
 * Puts the signed-in user into every page's model as {@code currentActor}, for the top bar of the shared layout.
 * Creates its {@link CurrentActor} itself instead of having it injected, because every module's controller test
 * slice picks up controller advice but not services, and the layout must render there too.
 */
@ControllerAdvice
class CurrentActorModel {

    private final CurrentActor currentActor = new CurrentActor();

    @ModelAttribute("currentActor")
    Actor currentActor() {
        return currentActor.find().orElse(null);
    }
}
