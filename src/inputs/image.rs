//! Images (JPEG, PNG, HEIC, TIFF, WebP) found beside or inside exports: their EXIF data can
//! place a photo to the metre and name the phone that took it. The GPS position and the camera,
//! lens and body serial numbers become one document of labelled lines ("geo 44.97780, -93.26500",
//! "serial number SN4821337"), which the shipped rules find as LOCATION and DEVICE like any
//! other text; the field names the EXIF tag. What a photo shows (a face) is beyond phiscan: the
//! file report says so.

use crate::document::Document;
use exif::{In, Tag, Value};

/// What every image's report says, found or not.
pub const FACES_WARNING: &str = "an image: phiscan reads its EXIF data only; a photo of a patient's face is an identifier too, so check what it shows";

/// Whether `bytes` start like an image format that carries EXIF.
pub fn is_image(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        || bytes.starts_with(b"\x89PNG\r\n\x1a\n")
        || bytes.starts_with(b"II*\0")
        || bytes.starts_with(b"MM\0*")
        || (bytes.len() > 12
            && &bytes[4..8] == b"ftyp"
            && matches!(&bytes[8..12], b"heic" | b"heix" | b"mif1" | b"avif"))
        || (bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP")
}

/// The EXIF findings' text and its document, or `None` when the image holds no position or
/// serial number. A file that is not a readable image is an error.
pub fn exif_document(bytes: &[u8]) -> Result<Option<Document>, String> {
    // Cameras and editors write slightly broken EXIF often: what can be read still counts.
    let mut reader = exif::Reader::new();
    reader.continue_on_error(true);
    let exif = match reader.read_from_container(&mut std::io::Cursor::new(bytes)) {
        Ok(exif) => exif,
        Err(exif::Error::PartialResult(partial)) => partial.into_inner().0,
        Err(exif::Error::NotFound(_)) => return Ok(None),
        Err(e) => return Err(format!("cannot read the image's EXIF data: {e}")),
    };
    let mut lines: Vec<(String, String)> = Vec::new();
    let degrees = |tag: Tag, reference: Tag, negative: &str| -> Option<f64> {
        let field = exif.get_field(tag, In::PRIMARY)?;
        let Value::Rational(parts) = &field.value else {
            return None;
        };
        let value = parts
            .iter()
            .zip([1.0, 60.0, 3600.0])
            .map(|(part, scale)| part.to_f64() / scale)
            .sum::<f64>();
        let sign = exif
            .get_field(reference, In::PRIMARY)
            .map(|r| r.display_value().to_string())
            .filter(|r| r.trim().eq_ignore_ascii_case(negative))
            .map_or(1.0, |_| -1.0);
        Some(sign * value)
    };
    if let (Some(latitude), Some(longitude)) = (
        degrees(Tag::GPSLatitude, Tag::GPSLatitudeRef, "S"),
        degrees(Tag::GPSLongitude, Tag::GPSLongitudeRef, "W"),
    ) {
        lines.push((
            "EXIF GPSLatitude/GPSLongitude".into(),
            format!("geo {latitude:.5}, {longitude:.5}"),
        ));
    }
    for tag in [
        Tag::BodySerialNumber,
        Tag::LensSerialNumber,
        Tag::ImageUniqueID,
    ] {
        if let Some(field) = exif.get_field(tag, In::PRIMARY) {
            let value = field.display_value().to_string();
            let value = value.trim_matches('"').trim();
            if !value.is_empty() {
                lines.push((format!("EXIF {tag}"), format!("serial number {value}")));
            }
        }
    }
    if lines.is_empty() {
        return Ok(None);
    }
    let mut builder = Document::builder(None);
    let mut at = 0;
    for (field, text) in &lines {
        builder.push(text, Some(field.clone()), at, Vec::new());
        at += text.len() + 1;
    }
    Ok(Some(builder.finish()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_told_by_their_first_bytes() {
        assert!(is_image(&[0xFF, 0xD8, 0xFF, 0xE1]));
        assert!(is_image(b"\x89PNG\r\n\x1a\n...."));
        assert!(!is_image(b"PK\x03\x04"));
        assert!(!is_image(b"hello"));
    }

    #[test]
    fn position_and_serial_become_labelled_lines() {
        let jpeg = include_bytes!("../../tests/fixtures/images/bedside-gps.jpg");
        let doc = exif_document(jpeg).unwrap().unwrap();
        assert_eq!(doc.text, "geo 44.97780, -93.26500\nserial number SN4821337");
        assert_eq!(doc.field_at(0), Some("EXIF GPSLatitude/GPSLongitude"));
        let plain = include_bytes!("../../tests/fixtures/images/no-exif-location.jpg");
        assert!(exif_document(plain).unwrap().is_none());
        assert!(exif_document(&[0xFF, 0xD8, 0xFF, 0xE1, 0, 4, 1, 2]).is_err());
    }
}
