-- Text as compared when case and Vietnamese diacritics do not matter: lower case, every accented
-- vowel as its bare letter and đ as d ("Nguyễn Văn Đức" and "nguyen van duc" fold alike). unaccent
-- alone leaves đ; this needs no extension.
CREATE OR REPLACE FUNCTION fold_text(p_text text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT translate(lower(normalize(p_text, NFC)),
        'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ',
        'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')
$$;
