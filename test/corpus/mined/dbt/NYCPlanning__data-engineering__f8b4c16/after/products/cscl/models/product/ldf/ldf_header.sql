{{ select_rows_as_text(model='ldf_header_by_field') }}
