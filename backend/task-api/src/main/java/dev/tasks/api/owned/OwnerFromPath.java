package dev.tasks.api.owned;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An {@link Owner} parameter of a controller method is whose resources the request is about: the
 * team of a path under {@link TeamAccess#TEAM_PATH}, else the token's user (SPEC 1.4: a user's
 * resources are the token's, whom Ownership has matched to the path). The security chain has
 * decided access before this runs, so one controller serves both paths.
 */
@Configuration(proxyBeanMethods = false)
class OwnerFromPath implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Owner.class;
    }

    @Override
    public Owner resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>)
                request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String team = variables == null ? null : variables.get(TeamAccess.TEAM_VARIABLE);
        if (team != null) {
            return Owner.team(team);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return Owner.user(authentication.getName());
    }

    /**
     * The owner's path variable in the OpenAPI document: controllers take an {@link Owner}, not the
     * variable, so each operation gets {@code user_id} or {@code team_id} from its path here.
     */
    @Bean
    OpenApiCustomizer ownerPathParameters() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            for (String variable : List.of(Ownership.USER_VARIABLE, TeamAccess.TEAM_VARIABLE)) {
                if (!path.contains("{" + variable + "}")) {
                    continue;
                }
                item.readOperations().forEach(operation -> {
                    boolean declared = operation.getParameters() != null
                            && operation.getParameters().stream()
                                    .anyMatch(parameter -> variable.equals(parameter.getName()));
                    if (!declared) {
                        operation.addParametersItem(new Parameter()
                                .in("path")
                                .name(variable)
                                .required(true)
                                .description(
                                        variable.equals(TeamAccess.TEAM_VARIABLE)
                                                ? "the team (Better Auth organization id); you must be a member"
                                                : "your user id (the token's)")
                                .schema(new StringSchema()));
                    }
                });
            }
        });
    }
}
