/**
 * The libraries' default ε in batch normalisation's √(σ² + ε), shared by the two normalisation
 * pages and their reference code.
 */

/** tfjs's default ε for batch normalisation (tf.layers.batchNormalization: epsilon 1e-3). */
export const TFJS_EPSILON = 1e-3;
/** PyTorch's default ε (torch.nn.BatchNorm*d: eps 1e-5). */
export const TORCH_EPSILON = 1e-5;
