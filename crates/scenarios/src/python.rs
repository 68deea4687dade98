//! The Python program of each scenario (being written).
