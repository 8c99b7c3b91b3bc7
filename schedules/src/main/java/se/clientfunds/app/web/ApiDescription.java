package se.clientfunds.app.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What {@code /api/v1/openapi.json} says about the API as a whole: its name, and that every call needs HTTP Basic. */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenAPI settlementApi() {
        return new OpenAPI()
                .info(new Info().title("Client-funds settlement API").version("v1").description("The operations of settle"
                        + " serve: business days, job executions and their actions, schedules. Errors are RFC 9457 problem"
                        + " details; every action needs a reason and is recorded with the user who took it."))
                .components(new Components().addSecuritySchemes("basic", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
