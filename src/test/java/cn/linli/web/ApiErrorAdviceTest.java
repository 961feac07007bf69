package cn.linli.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bad input to /api/** gets a 400 JSON body in the user's language; pages keep their own error handling. */
@WebMvcTest(controllers = ApiErrorAdviceTest.Probe.class)
@Import(ApiErrorAdviceTest.Probe.class)
@WithMockUser
class ApiErrorAdviceTest {

    @Autowired
    MockMvc mvc;

    @Test
    void rejectedInputIsExplainedInChineseByDefault() throws Exception {
        mvc.perform(get("/api/probe/rejected"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.error").value("Bad Request"))
                .andExpect(jsonPath("$.message").value("用户至少需要一个角色。"))
                .andExpect(jsonPath("$.field").value("roles"))
                .andExpect(jsonPath("$.errors[0].field").value("roles"))
                .andExpect(jsonPath("$.errors[0].message").value("用户至少需要一个角色。"));
    }

    @Test
    void rejectedInputIsExplainedInEnglishWhenTheUserChoseEnglish() throws Exception {
        mvc.perform(get("/api/probe/rejected").cookie(new Cookie(LanguageCookieResolver.COOKIE, "en")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("A user needs at least one role."));
        mvc.perform(get("/api/probe/rejected").param("lang", "en"))
                .andExpect(jsonPath("$.message").value("A user needs at least one role."));
    }

    @Test
    void invalidBodyListsEveryRejectedField() throws Exception {
        mvc.perform(post("/api/probe/body").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\" \",\"households\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("输入有误，请检查。"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'households')]").exists());
    }

    @Test
    void unreadableJsonIsABadRequest() throws Exception {
        mvc.perform(post("/api/probe/body").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("请求内容不是有效的 JSON，或格式不符合要求。"));
    }

    @Test
    void invalidParameterNamesTheParameter() throws Exception {
        mvc.perform(get("/api/probe/page").param("page", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("page"));
        mvc.perform(get("/api/probe/page").param("page", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("page"))
                .andExpect(jsonPath("$.message").value("page 的值无效。"));
        mvc.perform(get("/api/probe/page"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("缺少参数 page。"));
    }

    @Test
    void plainIllegalArgumentKeepsItsMessage() throws Exception {
        mvc.perform(get("/api/probe/plain"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("longitude out of range"))
                .andExpect(jsonPath("$.errors").doesNotExist());
    }

    @Test
    void pagesAreNotAnsweredWithJson() {
        // Not resolved here, so the exception reaches the servlet container, which shows the error page.
        assertThatThrownBy(() -> mvc.perform(get("/probe-page")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("a page error");
    }

    record ProbeBody(@NotBlank String name, @Min(1) int households) {
    }

    /** A rejected input as a module's domain exception would carry it. */
    static class ProbeRejection extends IllegalArgumentException implements RejectedInput {
        ProbeRejection() {
            super("a user needs at least one role");
        }

        @Override
        public String field() {
            return "roles";
        }

        @Override
        public String[] getCodes() {
            return new String[] {"access.user.roles.empty"};
        }

        @Override
        public Object[] getArguments() {
            return new Object[0];
        }

        @Override
        public String getDefaultMessage() {
            return getMessage();
        }
    }

    @RestController
    static class Probe {

        @GetMapping("/api/probe/rejected")
        String rejected() {
            throw new ProbeRejection();
        }

        @PostMapping("/api/probe/body")
        String body(@Valid @RequestBody ProbeBody body) {
            return "ok";
        }

        @GetMapping("/api/probe/page")
        String page(@RequestParam @Min(1) int page) {
            return "ok";
        }

        @GetMapping("/api/probe/plain")
        String plain() {
            throw new IllegalArgumentException("longitude out of range");
        }

        @GetMapping("/probe-page")
        String pageThatFails() {
            throw new IllegalArgumentException("a page error");
        }
    }
}
