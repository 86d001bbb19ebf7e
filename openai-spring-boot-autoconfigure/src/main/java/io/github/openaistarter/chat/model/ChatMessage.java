package io.github.openaistarter.chat.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message of a conversation, as sent in {@code messages}. Build them with the factories
 * and keep the conversation in a list; the assistant's answer
 * ({@link ChatCompletion#message()}) is itself a {@code ChatMessage}, so it can be
 * appended as is: <pre>{@code
 * List<ChatMessage> messages = new ArrayList<>();
 * messages.add(ChatMessage.system("You are a terse assistant."));
 * messages.add(ChatMessage.user("Name a planet."));
 * ChatCompletion completion = chat.create(messages);
 * messages.add(completion.message());
 * messages.add(ChatMessage.user("And its largest moon?"));
 * }</pre> Messages are immutable and serialize as OpenAI expects (and read back from that
 * JSON), so a conversation can be stored and resumed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "role")
@JsonSubTypes({ @JsonSubTypes.Type(value = DeveloperMessage.class, name = DeveloperMessage.ROLE),
		@JsonSubTypes.Type(value = SystemMessage.class, name = SystemMessage.ROLE),
		@JsonSubTypes.Type(value = UserMessage.class, name = UserMessage.ROLE),
		@JsonSubTypes.Type(value = AssistantMessage.class, name = AssistantMessage.ROLE),
		@JsonSubTypes.Type(value = ToolMessage.class, name = ToolMessage.ROLE) })
public sealed interface ChatMessage permits ContentMessage, AssistantMessage, ToolMessage {

	/**
	 * The author's role on the wire.
	 * @return {@code developer}, {@code system}, {@code user}, {@code assistant} or
	 * {@code tool}
	 */
	@JsonProperty("role")
	String role();

	/**
	 * The text of the message: the content string, or its text parts joined.
	 * @return the text, empty when there is none (for example an assistant message with
	 * only tool calls)
	 */
	String text();

	/**
	 * Instructions from the developer, which models from o1 on follow ahead of user
	 * messages.
	 * @param text the instructions
	 * @return the message
	 */
	static DeveloperMessage developer(String text) {
		return DeveloperMessage.of(text);
	}

	/**
	 * Instructions that set the assistant's behaviour.
	 * @param text the instructions
	 * @return the message
	 */
	static SystemMessage system(String text) {
		return SystemMessage.of(text);
	}

	/**
	 * What the user says.
	 * @param text the text
	 * @return the message
	 */
	static UserMessage user(String text) {
		return UserMessage.of(text);
	}

	/**
	 * What the user says, in parts: text, images, audio, files.
	 * @param parts the parts, at least one
	 * @return the message
	 */
	static UserMessage user(ContentPart... parts) {
		return UserMessage.of(List.of(parts));
	}

	/**
	 * An earlier answer of the assistant, for example to give the model examples.
	 * @param text the answer
	 * @return the message
	 */
	static AssistantMessage assistant(String text) {
		return AssistantMessage.of(text);
	}

	/**
	 * The result of a tool call, answering the assistant's {@link ToolCall} with the same
	 * id.
	 * @param toolCallId the {@link ToolCall#id()} this result answers
	 * @param result the result, usually JSON
	 * @return the message
	 */
	static ToolMessage tool(String toolCallId, String result) {
		return ToolMessage.of(toolCallId, result);
	}

}
