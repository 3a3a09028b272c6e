"""One drawer per language: word lists, word forms and the NLP model adapters of that language.

The engines (toponyms, relations) stay language-neutral and ask the drawer. Each model adapter loads
its model on first use and frees it on ``release()``; the pipeline owns those lifetimes.
"""
