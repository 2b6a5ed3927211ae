"""WhatsApp chat exports as a source: reading one into rows (read), matching its name to a
group (names) and telling system lines from posts (noise).

Nothing is imported here: the parser in etl.sources.whatsapp imports the chat names, and
read imports the parser, so a package import would close a circle."""
