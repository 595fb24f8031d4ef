//! A QR code drawn on the device: the module matrix for a text (the carer link), from Nayuki's
//! `qrcodegen` (pure Rust, no dependencies). The app draws it as SVG rectangles: no image, no
//! request to anywhere.

use qrcodegen::{QrCode, QrCodeEcc};

/// Dark and light modules, row by row, without the quiet zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrMatrix {
    pub size: usize,
    dark: Vec<bool>,
}

impl QrMatrix {
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }

    /// Runs of dark modules per row, as `(x, y, width)`: one SVG rectangle each, far fewer
    /// than one per module.
    pub fn dark_runs(&self) -> Vec<(usize, usize, usize)> {
        let mut runs = Vec::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if self.is_dark(x, y) {
                    let start = x;
                    while x < self.size && self.is_dark(x, y) {
                        x += 1;
                    }
                    runs.push((start, y, x - start));
                } else {
                    x += 1;
                }
            }
        }
        runs
    }
}

/// The quiet zone (light margin) a reader needs around the code, in modules (ISO/IEC 18004).
pub const QUIET_ZONE: usize = 4;

/// The QR code for `text` with medium error correction (about 15 % of the code can be damaged),
/// or `None` if the text is too long for any QR version.
pub fn matrix(text: &str) -> Option<QrMatrix> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size() as usize;
    let mut dark = Vec::with_capacity(size * size);
    for y in 0..size as i32 {
        for x in 0..size as i32 {
            dark.push(code.get_module(x, y));
        }
    }
    Some(QrMatrix { size, dark })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finder_patterns_sit_in_three_corners() {
        let m = matrix("https://example.org/take-it-with-you/#carer=v1.AQMBwgMMBKI.abcdef").unwrap();
        assert_eq!((m.size - 17) % 4, 0, "a QR version's size is 17 + 4 × version");
        // Each finder is a 7×7 dark ring around a light ring around a 3×3 dark square.
        for (ox, oy) in [(0, 0), (m.size - 7, 0), (0, m.size - 7)] {
            for i in 0..7 {
                assert!(m.is_dark(ox + i, oy) && m.is_dark(ox + i, oy + 6));
                assert!(m.is_dark(ox, oy + i) && m.is_dark(ox + 6, oy + i));
            }
            assert!(!m.is_dark(ox + 1, oy + 1) && m.is_dark(ox + 3, oy + 3));
        }
        let dark_in_runs: usize = m.dark_runs().iter().map(|r| r.2).sum();
        let dark =
            (0..m.size).flat_map(|y| (0..m.size).map(move |x| (x, y))).filter(|(x, y)| m.is_dark(*x, *y));
        assert_eq!(dark_in_runs, dark.count());
    }

    #[test]
    fn a_known_vector_hello_world() {
        // "Hello, world!" at medium correction is a version 1 code (21 × 21) in qrcodegen's demo.
        let m = matrix("Hello, world!").unwrap();
        assert_eq!(m.size, 21);
    }
}
