// Gateway-bypass rules, ODM models: annotated test file for odm.yaml.
import mongoose, { Schema, model } from 'mongoose';

interface IUser { email: string }
const userSchema = new Schema<IUser>({ email: String });
// ruleid: gateway-typescript-mongoose-model
export const User = model<IUser>('User', userSchema);
// ruleid: gateway-typescript-mongoose-model
export const Post = mongoose.model('Post', userSchema);
const connection = mongoose.createConnection('mongodb://db/app');
// ruleid: gateway-typescript-mongoose-model
export const Audit = connection.model('Audit', userSchema);
// ruleid: gateway-typescript-mongoose-model
export default mongoose.model('Comment', userSchema);

// Not a model factory.
// ok: gateway-typescript-mongoose-model
export const Schemas = mongoose.Schema;

export async function byId(id: string) {
  // ruleid: gateway-typescript-mongoose-model-call
  const user = await User.findById(id);
  // ruleid: gateway-typescript-mongoose-model-call
  await Post.updateOne({ _id: id }, { seen: true });
  // ruleid: gateway-typescript-mongoose-model-call
  await Post.aggregate([{ $match: { author: id } }]);
  // ruleid: gateway-typescript-mongoose-model-call
  await new Audit({ id }).save();
  // ok: gateway-typescript-mongoose-model-call
  const names = ['a'].find((n) => n === id);
  return { user, names };
}
