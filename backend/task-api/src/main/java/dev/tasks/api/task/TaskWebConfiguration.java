package dev.tasks.api.task;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.time.Clock;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class TaskWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new TaskQueryResolver(Clock.systemUTC())); // "today" for overdue comes from the zone asked for
    }

    /** The values of {@code sort} in the OpenAPI document come from {@link TaskQuery.Sort}, so they cannot drift. */
    @Bean
    OpenApiCustomizer taskSortValues() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if ((path.equals(TaskController.PATH) || path.equals(TaskController.TEAM_PATH)) && item.getGet() != null) {
                for (Parameter parameter : item.getGet().getParameters()) {
                    if (parameter.getName().equals(TaskQuery.SORT)) {
                        StringSchema values = new StringSchema();
                        values.setDefault("-created_at");
                        TaskQuery.Sort.parameters().forEach(values::addEnumItem);
                        parameter.setSchema(values);
                    }
                }
            }
        });
    }
}
