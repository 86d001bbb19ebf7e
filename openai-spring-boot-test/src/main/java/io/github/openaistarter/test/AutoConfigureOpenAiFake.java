package io.github.openaistarter.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs an {@link OpenAiFakeServer} for the application context of a Spring test and
 * connects the starter to it: the fake is an {@code OpenAiFakeServer} bean (autowire it
 * to shape answers, inject faults and inspect requests), and an
 * {@code OpenAiConnectionDetails} bean points the client at it, whatever {@code openai.*}
 * properties or {@code OPENAI_*} variables say. The fake lives as long as the context
 * (cached contexts share theirs) and is {@link OpenAiFakeServer#reset() reset} before
 * each test method. <pre class="code">
 * &#64;SpringBootTest(properties = "openai.chat.model=gpt-4o-mini")
 * &#64;AutoConfigureOpenAiFake
 * class AssistantTests {
 *
 *     &#64;Test
 *     void answers(&#64;Autowired ChatCompletionsOperations chat, &#64;Autowired OpenAiFakeServer openAi) {
 *         assertThat(chat.create(List.of(ChatMessage.user("Hi"))).text()).isEqualTo("echo: Hi");
 *         assertThat(openAi.lastRequest().json().path("model").asString()).isEqualTo("gpt-4o-mini");
 *     }
 *
 * }
 * </pre> Needs {@code spring-test} and the starter on the test classpath.
 *
 * @see OpenAiFakeExtension for plain JUnit tests
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureOpenAiFake {

}
