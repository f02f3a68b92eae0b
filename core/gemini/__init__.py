"""Google Gemini behind our designer interface: client, requests, prompts, images, errors."""
