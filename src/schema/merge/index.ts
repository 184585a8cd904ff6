// Merging duplicate entity records.
import "./mutations.js";
