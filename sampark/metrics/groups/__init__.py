"""Group health: activity and dormancy from chat exports, whether the designated admin is
admin, and rosters against chats."""
