// Gateway-bypass rules, ODM models: annotated test file for odm.yaml.
const mongoose = require('mongoose');

const userSchema = new mongoose.Schema({ email: String });
// ruleid: gateway-javascript-mongoose-model
const User = mongoose.model('User', userSchema);
// ruleid: gateway-javascript-mongoose-model
const Tag = mongoose.models.Tag || mongoose.model('Tag', userSchema);
// ruleid: gateway-javascript-mongoose-model
module.exports = mongoose.model('Comment', userSchema);

// A schema is no model.
// ok: gateway-javascript-mongoose-model
const Schema = mongoose.Schema;

async function signUp(email) {
  // ruleid: gateway-javascript-mongoose-model-call
  const existing = await User.findOne({ email });
  // ruleid: gateway-javascript-mongoose-model-call
  await User.create({ email });
  // ruleid: gateway-javascript-mongoose-model-call
  await Tag.deleteOne({ name: email });
  const user = new User({ email });
  // ruleid: gateway-javascript-mongoose-model-call
  await user.save();
  // Mongoose 6 and older.
  // ruleid: gateway-javascript-mongoose-model-call
  await User.remove({ email });
  // A lower-case receiver (an array): no candidate.
  // ok: gateway-javascript-mongoose-model-call
  const first = [existing].find(Boolean);
  // A method models do not have.
  // ok: gateway-javascript-mongoose-model-call
  return User.hydrate(first);
}
