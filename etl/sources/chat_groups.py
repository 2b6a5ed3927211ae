"""The chat-name rules under the name the WhatsApp parser imports them by; they live in
etl.sources.chats.names."""

from etl.sources.chats.names import export_chat_name, keyed_groups

__all__ = ["export_chat_name", "keyed_groups"]
