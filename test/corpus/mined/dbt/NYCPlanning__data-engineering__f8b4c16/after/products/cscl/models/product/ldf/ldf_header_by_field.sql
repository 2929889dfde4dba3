SELECT {{ apply_text_formatting_from_seed('text_formatting__ldf_h') }}
FROM {{ ref('int__ldf_header') }}
