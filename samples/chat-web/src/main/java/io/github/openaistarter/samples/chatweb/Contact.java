package io.github.openaistarter.samples.chatweb;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

/**
 * A contact as the extract panel reads it out of a text (a message, an e-mail signature).
 * The starter sends the record's strict JSON schema with the request and reads the
 * model's answer back into it: the component names, types, descriptions and
 * {@code @Nullable} are what the model sees.
 *
 * @param name the person's full name
 * @param email their e-mail address, or {@code null} when the text has none
 * @param company the company they write for, or {@code null}
 * @param intent why they wrote
 * @param topics what the text is about, a few words each
 */
record Contact(@JsonPropertyDescription("the person's full name") String name,
		@JsonPropertyDescription("their e-mail address, or null") @Nullable String email,
		@JsonPropertyDescription("the company they write for, or null") @Nullable String company, Intent intent,
		@JsonPropertyDescription("what the text is about, a few words each") List<String> topics) {

	Contact {
		topics = List.copyOf(topics);
	}

	/**
	 * Why the contact wrote.
	 */
	enum Intent {

		QUESTION, ORDER, COMPLAINT, OTHER

	}

}
