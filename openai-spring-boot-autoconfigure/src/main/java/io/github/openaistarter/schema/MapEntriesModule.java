package io.github.openaistarter.schema;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.type.MapType;

/**
 * Reads a {@code Map} from the array of {@code {"key": ..., "value": ...}} entries that
 * its strict schema asks for (see {@link JavaTypeSchemaGenerator}), and still from a
 * plain JSON object.
 */
final class MapEntriesModule extends SimpleModule {

	private static final long serialVersionUID = 1L;

	MapEntriesModule() {
		super("openai-map-entries");
		setDeserializerModifier(new ValueDeserializerModifier() {

			private static final long serialVersionUID = 1L;

			@Override
			public ValueDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
					BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
				return new EntriesDeserializer(deserializer);
			}

		});
	}

	private static final class EntriesDeserializer extends DelegatingDeserializer {

		EntriesDeserializer(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new EntriesDeserializer(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			if (!parser.hasToken(JsonToken.START_ARRAY)) {
				return super.deserialize(parser, context);
			}
			ObjectNode map = context.getNodeFactory().objectNode();
			for (JsonNode entry : context.readTree(parser)) {
				JsonNode key = entry.get("key");
				if (key == null || !entry.has("value")) {
					return context.reportInputMismatch(this, "A map entry must have a 'key' and a 'value'");
				}
				map.set(key.isString() ? key.stringValue() : key.toString(), entry.get("value"));
			}
			try (JsonParser entries = map.traverse(context)) {
				entries.nextToken();
				return this._delegatee.deserialize(entries, context);
			}
		}

	}

}
