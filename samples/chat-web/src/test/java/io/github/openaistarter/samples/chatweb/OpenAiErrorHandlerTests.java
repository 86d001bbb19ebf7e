package io.github.openaistarter.samples.chatweb;

import org.junit.jupiter.api.Test;

import io.github.openaistarter.chat.model.FinishReason;
import io.github.openaistarter.chat.structured.IncompleteAnswerException;
import io.github.openaistarter.chat.structured.RefusedAnswerException;

import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problem details of the structured answers the fake does not give: refused and cut
 * off (the HTTP tests cover an answer that does not fit). None carries the answer's raw
 * text.
 */
class OpenAiErrorHandlerTests {

	private final OpenAiErrorHandler handler = new OpenAiErrorHandler();

	@Test
	void refusedAnswerIs422WithTheRefusalForTheEndUser() {
		ProblemDetail problem = this.handler
			.refusedAnswer(new RefusedAnswerException("I can't help with that.", "req_1", "pasted text"));
		assertThat(problem.getStatus()).isEqualTo(422);
		assertThat(problem.getTitle()).isEqualTo("The model refused to answer");
		assertThat(problem.getDetail()).isEqualTo("I can't help with that.");
		assertThat(problem.getProperties()).containsEntry("requestId", "req_1");
		assertThat(problem.toString()).doesNotContain("pasted text");
	}

	@Test
	void cutOffAnswerIs502NamingTheFinishReason() {
		ProblemDetail problem = this.handler
			.incompleteAnswer(new IncompleteAnswerException(FinishReason.LENGTH, null, "{\"name\":\"pasted text"));
		assertThat(problem.getStatus()).isEqualTo(502);
		assertThat(problem.getTitle()).isEqualTo("The answer was cut off");
		assertThat(problem.getDetail()).contains("max_completion_tokens");
		assertThat(problem.getProperties()).containsEntry("finishReason", "length").doesNotContainKey("requestId");
		assertThat(problem.toString()).doesNotContain("pasted text");
	}

}
