package io.github.openaistarter.test;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * {@link OpenAiFakeServer#reset() Resets} the fake of an {@link AutoConfigureOpenAiFake}
 * test before each test method, before its {@code @BeforeEach} methods run, so no test
 * sees what another left behind. Registered in {@code META-INF/spring.factories}.
 */
final class OpenAiFakeResetTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return 2100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (TestContextAnnotationUtils.hasAnnotation(testContext.getTestClass(), AutoConfigureOpenAiFake.class)
				&& testContext.hasApplicationContext()) {
			testContext.getApplicationContext()
				.getBean(OpenAiFakeContextCustomizer.SERVER_BEAN_NAME, OpenAiFakeServer.class)
				.reset();
		}
	}

}
