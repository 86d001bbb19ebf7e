package io.github.openaistarter.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * What an AOT-processed application or a native image needs to keep for the starter: the
 * wire types that Jackson reads and writes by reflection (every type of the model
 * package, the error object, the list answer of structured outputs), found by scanning
 * their packages when the hints are made, so a new model type is covered without a change
 * here. Listed in {@code META-INF/spring/aot.factories}. The application's own types used
 * as structured outputs or tool parameters need hints of the application's (for example
 * {@code @RegisterReflectionForBinding}).
 */
class OpenAiRuntimeHints implements RuntimeHintsRegistrar {

	/** The packages whose every type is read or written as JSON. */
	static final String[] JSON_PACKAGES = { "io/github/openaistarter/chat/model" };

	/** The other types read or written as JSON. */
	static final String[] JSON_TYPES = { "io.github.openaistarter.core.OpenAiError",
			"io.github.openaistarter.chat.structured.StructuredOutput$ListAnswer" };

	/** The Redis script of the shared rate-limit budget, read from the classpath. */
	static final String SHARED_BUDGET_SCRIPT = "io/github/openaistarter/ratelimit/acquire.lua";

	private static final MemberCategory[] JACKSON = { MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
			MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.ACCESS_DECLARED_FIELDS };

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		for (String folder : JSON_PACKAGES) {
			try {
				for (Resource resource : resolver.getResources("classpath*:" + folder + "/*.class")) {
					String file = resource.getFilename();
					if (file != null && !file.equals("package-info.class")) {
						register(hints, folder.replace('/', '.') + "." + file.substring(0, file.length() - 6),
								classLoader);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not list the types of " + folder, ex);
			}
		}
		for (String type : JSON_TYPES) {
			register(hints, type, classLoader);
		}
		hints.resources().registerPattern(SHARED_BUDGET_SCRIPT);
	}

	private static void register(RuntimeHints hints, String className, @Nullable ClassLoader classLoader) {
		if (ClassUtils.isPresent(className, classLoader)) {
			hints.reflection().registerType(ClassUtils.resolveClassName(className, classLoader), JACKSON);
		}
	}

}
