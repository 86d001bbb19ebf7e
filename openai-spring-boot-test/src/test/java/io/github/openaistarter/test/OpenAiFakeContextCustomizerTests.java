package io.github.openaistarter.test;

import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.openaistarter.autoconfigure.OpenAiConnectionDetails;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The context customizer behind {@link AutoConfigureOpenAiFake}: only for annotated
 * tests, one fake per context, closed with it, and no obstacle to context caching.
 */
class OpenAiFakeContextCustomizerTests {

	private final OpenAiFakeContextCustomizerFactory factory = new OpenAiFakeContextCustomizerFactory();

	@Test
	void customizesOnlyAnnotatedTests() {
		assertThat(this.factory.createContextCustomizer(Plain.class, List.of())).isNull();
		assertThat(this.factory.createContextCustomizer(Annotated.class, List.of()))
			.isEqualTo(this.factory.createContextCustomizer(Annotated.Inner.class, List.of()))
			.hasSameHashCodeAs(new OpenAiFakeContextCustomizer());
	}

	@Test
	void startsTheFakeWithTheContextAndClosesItWithTheContext() {
		ContextCustomizer customizer = this.factory.createContextCustomizer(Annotated.class, List.of());
		OpenAiFakeServer fake;
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			customizer.customizeContext(context, null);
			context.refresh();
			fake = context.getBean(OpenAiFakeServer.class);
			OpenAiConnectionDetails details = context.getBean(OpenAiConnectionDetails.class);
			assertThat(details.baseUrl()).isEqualTo(fake.baseUrl());
			assertThat(details.apiKey()).isEqualTo(OpenAiFakeServer.DEFAULT_API_KEY);
			assertThat(RawHttp.send(fake, "GET", "/models", null).statusCode()).isEqualTo(200);
		}
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> RawHttp.send(fake, "GET", "/models", null));
	}

	static class Plain {

	}

	@AutoConfigureOpenAiFake
	static class Annotated {

		class Inner {

		}

	}

}
