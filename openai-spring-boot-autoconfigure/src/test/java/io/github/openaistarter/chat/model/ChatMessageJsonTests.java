package io.github.openaistarter.chat.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.core.OpenAiJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the JSON of {@link ChatMessage} and its subtypes.
 */
class ChatMessageJsonTests {

	private static final String ANSWER = """
			{"role": "assistant", "content": "See [1].", "refusal": null,
			  "annotations": [{"type": "url_citation", "url_citation": {"start_index": 4, "end_index": 7,
			    "url": "https://example.com/a", "title": "Example"}, "extra": "kept"}],
			  "audio": {"id": "audio_abc", "data": "UklGRg==", "transcript": "See one.", "expires_at": 1700000000},
			  "reasoning_content": "thinking", "x_future": {"a": 1}}""";

	private final JsonMapper mapper = OpenAiJson.createMapper();

	@Test
	void developerMessageRoundTrips() throws Exception {
		assertRoundTrip(ChatMessage.developer("Follow the house style."),
				"{\"role\": \"developer\", \"content\": \"Follow the house style.\"}");
		assertRoundTrip(DeveloperMessage.of(List.of(ContentPart.text("a"), ContentPart.text("b"))).withName("ops"), """
				{"role": "developer", "name": "ops", "content": [{"type": "text", "text": "a"},
				  {"type": "text", "text": "b"}]}""");
	}

	@Test
	void systemMessageRoundTrips() throws Exception {
		assertRoundTrip(ChatMessage.system("Be terse.").withName("narrator"),
				"{\"role\": \"system\", \"content\": \"Be terse.\", \"name\": \"narrator\"}");
		assertRoundTrip(SystemMessage.of(List.of(new TextPart("Prefix", PromptCacheBreakpoint.EXPLICIT))), """
				{"role": "system", "content": [{"type": "text", "text": "Prefix",
				  "prompt_cache_breakpoint": {"mode": "explicit"}}]}""");
	}

	@Test
	void userMessageRoundTrips() throws Exception {
		assertRoundTrip(ChatMessage.user("Hi").withName("alice"),
				"{\"role\": \"user\", \"content\": \"Hi\", \"name\": \"alice\"}");
		assertRoundTrip(
				ChatMessage.user(ContentPart.text("What is this?"), ContentPart.imageUrl("https://e.x/a.png", "low"),
						ContentPart.inputAudio("UklGRg==", "mp3"), ContentPart.fileId("file-1"),
						ContentPart.fileData("a.pdf", "data:application/pdf;base64,JVBE")),
				"""
						{"role": "user", "content": [
						  {"type": "text", "text": "What is this?"},
						  {"type": "image_url", "image_url": {"url": "https://e.x/a.png", "detail": "low"}},
						  {"type": "input_audio", "input_audio": {"data": "UklGRg==", "format": "mp3"}},
						  {"type": "file", "file": {"file_id": "file-1"}},
						  {"type": "file", "file": {"filename": "a.pdf", "file_data": "data:application/pdf;base64,JVBE"}}
						]}""");
	}

	@Test
	void assistantMessageRoundTrips() throws Exception {
		assertRoundTrip(ChatMessage.assistant("Paris."), "{\"role\": \"assistant\", \"content\": \"Paris.\"}");
		assertRoundTrip(AssistantMessage.builder()
			.content(List.of(ContentPart.text("Partly"), ContentPart.refusal("No more")))
			.name("bot")
			.refusal("No more")
			.audio(AssistantAudio.ofId("audio_1"))
			.build(), """
					{"role": "assistant", "content": [{"type": "text", "text": "Partly"},
					  {"type": "refusal", "refusal": "No more"}], "name": "bot", "refusal": "No more",
					  "audio": {"id": "audio_1"}}""");
	}

	@Test
	@SuppressWarnings("deprecation")
	void assistantMessageWithToolCallsAndNoContentRoundTrips() throws Exception {
		AssistantMessage message = AssistantMessage.builder()
			.toolCall(ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}"))
			.toolCall(new ToolCall("call_2", "custom", null, new CustomToolCall("sql", "SELECT 1")))
			.functionCall(new FunctionCall("legacy", "{}"))
			.build();
		assertRoundTrip(message,
				"""
						{"role": "assistant", "tool_calls": [
						  {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}},
						  {"id": "call_2", "type": "custom", "custom": {"name": "sql", "input": "SELECT 1"}}
						], "function_call": {"name": "legacy", "arguments": "{}"}}""");
		assertThat(message.content()).isNull();
		assertThat(message.text()).isEmpty();
	}

	@Test
	void toolMessageRoundTrips() throws Exception {
		assertRoundTrip(ChatMessage.tool("call_1", "{\"celsius\":21}"), """
				{"role": "tool", "tool_call_id": "call_1", "content": "{\\"celsius\\":21}"}""");
		assertRoundTrip(ToolMessage.of("call_2", List.of(ContentPart.text("part"))), """
				{"role": "tool", "tool_call_id": "call_2", "content": [{"type": "text", "text": "part"}]}""");
	}

	@Test
	void assistantMessageReadFromAnAnswerKeepsEverything() throws Exception {
		AssistantMessage message = (AssistantMessage) this.mapper.readValue(ANSWER, ChatMessage.class);
		assertThat(message.content()).isEqualTo("See [1].");
		assertThat(message.text()).isEqualTo("See [1].");
		assertThat(message.refusal()).isNull();
		assertThat(message.annotations()).containsExactly(new Annotation("url_citation",
				new Annotation.UrlCitation(4, 7, "https://example.com/a", "Example"), Map.of("extra", "kept")));
		assertThat(message.audio()).isEqualTo(new AssistantAudio("audio_abc", 1700000000L, "UklGRg==", "See one."));
		assertThat(message.additionalProperties())
			.isEqualTo(Map.of("reasoning_content", "thinking", "x_future", Map.of("a", 1)));
	}

	@Test
	void assistantMessageReadFromAnAnswerIsSentBackWithoutAnswerOnlyFields() throws Exception {
		AssistantMessage message = this.mapper.readValue(ANSWER, AssistantMessage.class);
		JSONAssert.assertEquals("""
				{"role": "assistant", "content": "See [1].", "audio": {"id": "audio_abc"}}""",
				this.mapper.writeValueAsString(message), JSONCompareMode.STRICT);
	}

	@Test
	void assistantMessageWithToolCallsAndNullContentIsRead() throws Exception {
		AssistantMessage message = this.mapper.readValue("""
				{"role": "assistant", "content": null, "refusal": null, "annotations": [],
				  "tool_calls": [{"id": "call_1", "type": "function",
				    "function": {"name": "get_weather", "arguments": "{}"}, "extra": 1}]}""", AssistantMessage.class);
		assertThat(message.content()).isNull();
		assertThat(message.text()).isEmpty();
		assertThat(message.toolCalls()).containsExactly(ToolCall.function("call_1", "get_weather", "{}"));
		assertThat(message.annotations()).isEmpty();
		assertThat(message.additionalProperties()).isEmpty();
		JSONAssert.assertEquals("""
				{"role": "assistant", "tool_calls": [{"id": "call_1", "type": "function",
				  "function": {"name": "get_weather", "arguments": "{}"}}]}""", this.mapper.writeValueAsString(message),
				JSONCompareMode.STRICT);
	}

	@Test
	void userMessageWithUnknownContentPartKeepsItAndSendsItBack() throws Exception {
		String json = """
				{"role": "user", "content": [{"type": "text", "text": "Watch"},
				  {"type": "video_url", "video_url": {"url": "https://e.x/v.mp4"}, "start": 3}]}""";
		UserMessage message = (UserMessage) this.mapper.readValue(json, ChatMessage.class);
		assertThat(message.parts()).containsExactly(ContentPart.text("Watch"), new UnknownContentPart("video_url",
				Map.of("video_url", Map.of("url", "https://e.x/v.mp4"), "start", 3)));
		assertThat(message.text()).isEqualTo("Watch");
		JSONAssert.assertEquals(json, this.mapper.writeValueAsString(message), JSONCompareMode.STRICT);
	}

	@Test
	void messageWithoutContentIsRefused() {
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.mapper.readValue("{\"role\": \"user\"}", ChatMessage.class));
	}

	@Test
	void messageWithUnknownRoleIsRefused() {
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.mapper.readValue("{\"role\": \"critic\", \"content\": \"x\"}", ChatMessage.class));
	}

	@Test
	void textJoinsTheTextParts() {
		UserMessage message = ChatMessage.user(ContentPart.text("a"), ContentPart.imageUrl("https://e.x/a.png"),
				ContentPart.text("b"));
		assertThat(message.text()).isEqualTo("ab");
		assertThat(ChatMessage.user("plain").parts()).containsExactly(ContentPart.text("plain"));
	}

	@Test
	void assistantMutateKeepsEveryField() {
		AssistantMessage original = AssistantMessage.builder()
			.content("Hi")
			.refusal("r")
			.name("bot")
			.audio(AssistantAudio.ofId("a1"))
			.toolCall(ToolCall.function("c1", "f", "{}"))
			.build();
		assertThat(original.mutate().build()).isEqualTo(original);
		AssistantMessage changed = original.mutate().toolCall(ToolCall.function("c2", "g", "{}")).build();
		assertThat(changed.toolCalls()).extracting(ToolCall::id).containsExactly("c1", "c2");
		assertThat(original.toolCalls()).extracting(ToolCall::id).containsExactly("c1");
	}

	@Test
	void messagesAreImmutable() throws Exception {
		UserMessage user = ChatMessage.user(ContentPart.text("a"), ContentPart.text("b"));
		assertThat(user.parts()).isUnmodifiable();
		assertThat((List<?>) user.content()).isUnmodifiable();
		List<ContentPart> parts = new ArrayList<>(List.of(ContentPart.text("x")));
		SystemMessage system = SystemMessage.of(parts);
		parts.add(ContentPart.text("y"));
		assertThat(system.parts()).hasSize(1);
		List<ToolCall> calls = new ArrayList<>(List.of(ToolCall.function("c1", "f", "{}")));
		AssistantMessage built = AssistantMessage.builder().toolCalls(calls).build();
		calls.add(ToolCall.function("c2", "g", "{}"));
		assertThat(built.toolCalls()).hasSize(1).isUnmodifiable();
		AssistantMessage read = this.mapper.readValue(ANSWER, AssistantMessage.class);
		assertThat(read.annotations()).isUnmodifiable();
		assertThat(read.additionalProperties()).isUnmodifiable();
		assertThat(read.annotations().get(0).additionalProperties()).isUnmodifiable();
	}

	private void assertRoundTrip(ChatMessage message, String expectedJson) throws Exception {
		String json = this.mapper.writeValueAsString(message);
		JSONAssert.assertEquals(expectedJson, json, JSONCompareMode.STRICT);
		ChatMessage read = this.mapper.readValue(json, ChatMessage.class);
		assertThat(read).isInstanceOf(message.getClass()).isEqualTo(message);
		assertThat(read.role()).isEqualTo(message.role());
	}

}
