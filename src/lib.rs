//! The playground page (being built).
