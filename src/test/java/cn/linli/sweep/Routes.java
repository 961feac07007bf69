package cn.linli.sweep;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the running application, read from its handler mappings, as "METHOD /pattern" with the names of
 * the inputs that may name an object (path variables, request parameters, fields of a JSON or form body).
 */
record Routes(List<Route> all) {

    /** Names that may point at a stored object of some jurisdiction. */
    static final Pattern OBJECT_NAME = Pattern.compile(
            "(?i).*(id|ids|unit|grid|household|resident|building|area|jurisdiction|number|subject|place|token|case|code|job|within|parent)$");

    record Route(String method, String pattern, Set<String> objectInputs, HandlerMethod handler) {

        String key() {
            return method + " " + pattern;
        }

        boolean namesAnObject() {
            return !objectInputs.isEmpty();
        }

        boolean changesState() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }
    }

    static Routes of(RequestMappingHandlerMapping mapping) {
        var routes = new ArrayList<Route>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            Set<String> inputs = objectInputs(e.getValue());
            for (String pattern : e.getKey().getPatternValues()) {
                if (methods.isEmpty()) {
                    routes.add(new Route("ANY", pattern, inputs, e.getValue()));
                }
                for (RequestMethod method : methods) {
                    routes.add(new Route(method.name(), pattern, inputs, e.getValue()));
                }
            }
        }
        routes.sort((a, b) -> a.key().compareTo(b.key()));
        return new Routes(List.copyOf(routes));
    }

    private static Set<String> objectInputs(HandlerMethod handler) {
        var names = new TreeSet<String>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            String name = parameter.getParameterName();
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                names.add("{" + name + "}");
            } else if (parameter.hasParameterAnnotation(RequestParam.class) || parameter.hasParameterAnnotation(RequestPart.class)) {
                if (Map.class.isAssignableFrom(type)) {
                    names.add("form:*");
                } else if (name != null && OBJECT_NAME.matcher(name).matches()) {
                    names.add(name);
                }
            } else if (parameter.hasParameterAnnotation(RequestBody.class) || parameter.hasParameterAnnotation(ModelAttribute.class)
                    || type.isRecord()) {
                if (type.isRecord()) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        if (OBJECT_NAME.matcher(component.getName()).matches()) {
                            names.add("body." + component.getName());
                        }
                    }
                } else if (Map.class.isAssignableFrom(type)) {
                    names.add("body:*");
                }
            }
        }
        return names;
    }
}
