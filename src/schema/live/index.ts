// Live coverage: an article told as a live blog, its updates, and their live stream.
import "./types.js";
import "./blog.js";
import "./mutations.js";
import "./subscriptions.js";
