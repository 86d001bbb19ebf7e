package io.github.openaistarter.tool;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.schema.ParametersSchema;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Reads the {@link OpenAiTool @OpenAiTool} methods of a class into {@link ChatTool}s:
 * once per class, with the parameters' schema generated and checked then.
 */
final class MethodTools {

	private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	private MethodTools() {
	}

	/**
	 * Whether a class has tool methods.
	 * @param type the class
	 * @return whether any method is annotated {@code @OpenAiTool}
	 */
	static boolean hasTools(Class<?> type) {
		return !methods(type).isEmpty();
	}

	/**
	 * The tools of an object's annotated methods.
	 * @param type the object's class (its user class is read, not a proxy's)
	 * @param target the object the methods run on, looked up at each call (so a bean may
	 * be created late)
	 * @return the tools, in no particular order
	 * @throws IllegalArgumentException if a method cannot be a tool (unnamed parameters,
	 * a schema that breaks OpenAI's strict rules)
	 */
	static List<ChatTool> of(Class<?> type, Supplier<Object> target) {
		List<ChatTool> tools = new ArrayList<>();
		for (Map.Entry<Method, OpenAiTool> entry : methods(type).entrySet()) {
			tools.add(tool(entry.getKey(), entry.getValue(), target));
		}
		return tools;
	}

	private static Map<Method, OpenAiTool> methods(Class<?> type) {
		return MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
				(MethodIntrospector.MetadataLookup<OpenAiTool>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, OpenAiTool.class));
	}

	private static ChatTool tool(Method method, OpenAiTool annotation, Supplier<Object> target) {
		String name = annotation.name().isEmpty() ? method.getName() : annotation.name();
		ParametersSchema parameters;
		try {
			parameters = ParametersSchema.of(parameters(method));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"Method " + describe(method) + " cannot be tool '" + name + "': " + ex.getMessage(), ex);
		}
		ReflectionUtils.makeAccessible(method);
		boolean returnsNothing = method.getReturnType() == void.class;
		Parameter[] javaParameters = method.getParameters();
		return new ChatTool(name, annotation.description(), parameters.schema(), (arguments) -> {
			@Nullable Object[] values = parameters.read(arguments);
			for (int i = 0; i < values.length; i++) {
				if (javaParameters[i].getType() == Optional.class) {
					values[i] = Optional.ofNullable(values[i]);
				}
			}
			Object result = invoke(method, target.get(), values);
			return returnsNothing ? ChatTool.Invocation.VOID : result;
		}, describe(method));
	}

	private static List<ParametersSchema.Parameter> parameters(Method method) {
		String[] discovered = NAMES.getParameterNames(method);
		List<ParametersSchema.Parameter> parameters = new ArrayList<>();
		Parameter[] javaParameters = method.getParameters();
		for (int i = 0; i < javaParameters.length; i++) {
			Parameter parameter = javaParameters[i];
			ToolParam annotation = parameter.getAnnotation(ToolParam.class);
			String name = (annotation != null && !annotation.name().isEmpty()) ? annotation.name()
					: (discovered != null) ? discovered[i] : null;
			if (name == null) {
				throw new IllegalArgumentException("parameter " + i + " has no name: compile with -parameters (Spring"
						+ " Boot's Maven and Gradle plugins do) or name it with @ToolParam(name = ...)");
			}
			String description = (annotation != null && !annotation.description().isEmpty()) ? annotation.description()
					: null;
			parameters.add(ParametersSchema.Parameter.of(parameter, name, description));
		}
		return parameters;
	}

	private static @Nullable Object invoke(Method method, Object target, @Nullable Object[] values) throws Exception {
		try {
			return method.invoke(target, values);
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof Exception cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	private static String describe(Method method) {
		return method.getDeclaringClass().getSimpleName() + "." + method.getName();
	}

}
