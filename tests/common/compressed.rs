//! Compressed sizes, as `make size` reports them and the start-up benchmark counts them.
//!
//! Brotli goes through the crate's one-shot C interface (feature `ffi-api`), which is compiled
//! inside the brotli crate: its Rust interface is generic, so the whole encoder would be
//! compiled, unoptimised, into each test that calls it (the size report took 18 s so in the
//! dev profile, 7 s in release). With the compressors optimised in test builds too (the dev
//! profile's overrides in Cargo.toml), the size report runs in the dev profile as fast as in
//! release, and `make test` no longer builds every dependency a second time for release.

use std::io::Write;

/// The size of `bytes` compressed by brotli at quality 11 with a 4 MB window (lgwin 22), as
/// hosts precompress static files.
pub fn brotli_len(bytes: &[u8]) -> usize {
    use brotli::ffi::compressor::{
        BrotliEncoderCompress, BrotliEncoderMaxCompressedSize, BrotliEncoderMode,
    };
    let mut out = vec![0u8; BrotliEncoderMaxCompressedSize(bytes.len())];
    let mut len = out.len();
    // SAFETY: `bytes` is valid for reads of `bytes.len()` bytes and `out` for writes of `len`
    // bytes; the call writes the compressed length to `len` and keeps no pointer.
    let done = unsafe {
        BrotliEncoderCompress(
            11,
            22,
            BrotliEncoderMode::BROTLI_MODE_GENERIC,
            bytes.len(),
            bytes.as_ptr(),
            &mut len,
            out.as_mut_ptr(),
        )
    };
    assert_eq!(done, 1, "brotli could not compress {} bytes in memory", bytes.len());
    len
}

/// The size of `bytes` compressed by gzip at its best level.
#[allow(dead_code)] // the start-up benchmark counts brotli only
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("gzip in memory");
    gz.finish().expect("gzip in memory").len()
}
