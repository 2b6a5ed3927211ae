"""The synthetic state built in memory: units, staff, groups, histories, chats and registers."""
