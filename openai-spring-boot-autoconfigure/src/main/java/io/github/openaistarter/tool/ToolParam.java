package io.github.openaistarter.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names or describes a parameter of an {@link OpenAiTool @OpenAiTool} method. A parameter
 * annotated {@code @Nullable} (any annotation of that name), or of type
 * {@code Optional<X>}, may be sent as {@code null}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ToolParam {

	/**
	 * The property name in the arguments.
	 * @return the name; empty for the parameter's name (compiled with
	 * {@code -parameters})
	 */
	String name() default "";

	/**
	 * What the parameter is, for the model.
	 * @return the description; empty for none
	 */
	String description() default "";

}
