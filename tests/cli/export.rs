//! `export`.
