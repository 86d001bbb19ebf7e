package io.github.openaistarter.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Marks a method as a tool the model may call. Its parameters become the properties of
 * the function's strict parameter schema (name them with {@link ToolParam} or compile
 * with {@code -parameters}, as Spring Boot's build plugins do); its return value is sent
 * back as JSON (a {@code String} as it is; {@code "done"} for {@code void}). <pre>{@code
 * &#64;Component
 * class WeatherTools {
 *
 *

&#64;OpenAiTool(description = "The current weather in a city")
 *     Weather currentWeather(@ToolParam(description = "The city, in English") String city) {
 *         ...
 *     }
 *
 * }
 * }</pre> In a Spring Boot application the auto-configured {@link ChatTools} bean holds
 * the tools of every bean; elsewhere, {@link ChatTools#from(Object...)} reads them from
 * objects.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective
public @interface OpenAiTool {

	/**
	 * The function name the model calls ({@code a-z A-Z 0-9 _ -}, up to 64 characters).
	 * @return the name; empty for the method's name
	 */
	String name() default "";

	/**
	 * What the tool does and when to use it, for the model.
	 * @return the description; empty for none
	 */
	String description() default "";

}
